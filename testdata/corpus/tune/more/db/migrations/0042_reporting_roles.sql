-- 0042: roles for the reporting stack
BEGIN;

CREATE ROLE reporting_ro NOLOGIN;
GRANT USAGE ON SCHEMA public TO reporting_ro;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting_ro;

CREATE USER metabase WITH PASSWORD '⟦generic:Granite-8425falcon-BD⟧' IN ROLE reporting_ro;
CREATE USER airbyte WITH LOGIN PASSWORD '⟦generic:t.H-2u2C6FEIFkJ!D94xWA⟧' CONNECTION LIMIT 5;

-- already hashed, copied from the old cluster
CREATE USER legacy_etl WITH PASSWORD 'SCRAM-SHA-256$4096:sGdfvOSsKx3ePmNycV7rBA==$W/6c58yQvQM79byIXX8obnvWJZWlqEBLAqTyEzbwAh4=:yCQeZMJ6liyEtVSf6OQzqxLRVI8XHVahV/i5pFB7qKs=';
CREATE USER old_report WITH PASSWORD 'md56d1c01c248d3e7251e2982b0dd55a6f9';

-- password is set by the operator from Vault, see runbook
CREATE USER grafana_ro WITH PASSWORD NULL;
GRANT reporting_ro TO grafana_ro;

COMMIT;
