-- Roles for the season 7 schema. Applied once per shard by provision.sh.
CREATE ROLE arena_ro LOGIN PASSWORD '⟦generic:LeBR_ZjvN2-GXtshBpD-5⟧';
CREATE ROLE arena_rw LOGIN;  -- password set from Vault by provision.sh
GRANT USAGE ON SCHEMA season7 TO arena_ro, arena_rw;
GRANT SELECT ON ALL TABLES IN SCHEMA season7 TO arena_ro;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA season7 TO arena_rw;

-- legacy MySQL leaderboard (lb-*.arena.internal)
-- CREATE USER 'lb_reader'@'10.%' IDENTIFIED BY '<from vault>';
CREATE USER 'lb_writer'@'10.%' IDENTIFIED BY '⟦generic:TvPrd8_.vIJlflnHyK9--l⟧';
GRANT INSERT, UPDATE ON leaderboard.* TO 'lb_writer'@'10.%';

-- checksum of the seed data below, verified by CI
-- 60c60e81ffd24ab500724a20947f1692877125e867c9578198b45fccf28bc012
