-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
-- Host: legacy-db.mosaic.internal    Database: tiles
/*!40101 SET NAMES utf8mb4 */;

CREATE USER IF NOT EXISTS 'reporting'@'10.%' IDENTIFIED BY '⟦generic:lXGsT7my+m⁞Ypzm.PWIzy⟧';
GRANT SELECT ON tiles.* TO 'reporting'@'10.%';
ALTER USER 'etl'@'%' IDENTIFIED WITH caching_sha2_password BY '⟦generic:X%58uhZW%E⁞c6+AtjtM.H⟧';

CREATE TABLE `users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `password_digest` varchar(255) NOT NULL,
  `api_token_sha256` char(64) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

INSERT INTO `users` VALUES
 (1,'ops@mosaic-tiles.example.com','$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW','9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'),
 (2,'billing@mosaic-tiles.example.com','$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG',NULL);

CREATE TABLE `integrations` (`id` int, `name` varchar(64), `config` json);
INSERT INTO `integrations` VALUES
 (1,'atlassian','{"site":"mosaic.atlassian.net","email":"ops@mosaic-tiles.example.com","api_token":"⟦saas:ATATT3xFfGF0⁞3dpqTtRxdXXplYu9AbbSbR497qqfqbojZLzhijYmuc5fd4OD5GwxdizL-atIu-yf2ve4rRRCpvOhJ_u5-UVeoL_nGclLfp51x2sLH9TG69UJLBsvAh63gtD4TkvyE7d2zFQ777wZmowjzlTZIax9QTD2zmAPUoXo8-914DniYTKPPKPutUHP=D752920A⟧"}'),
 (2,'bitbucket','{"username":"mosaic-ci","app_password":"⟦vcs:ATBBftUUup8m⁞4xP0sWf1dFZWjTDmBrVRKNxF⟧"}'),
 (3,'bitbucket_repo','{"access_token":"⟦vcs:ATCTT3xFfGN0⁞b9PwCbChuEdtxvleXWcGdixgAstZYgvHoaPIrJuHDlEIySxf8utXPzQeqgXWw-npVqSePQzRrLObMquZ-20O1dweWe9RqKI0YDwBcdxb0kCQ7YOLFLPU0e94sqeh9jcU8z9fibDL1iStHHmwMcZKvSZ2qdj4jifvnwM2Rm-psjV-JCumCN5e=0ECAE675⟧"}'),
 (4,'pusher','{"app_id":"1789012","key":"9f3c1a7e5b2d8f4c6a0e","secret":"⟦messaging:448a4f46d1⁞e0df77b104⟧","cluster":"eu"}'),
 (5,'line','{"channel_id":"2006123456","channel_secret":"⟦messaging:04a71c034686⁞aa9ad6e262134f2b494f⟧","channel_access_token":"⟦messaging:0dZYyFq8bTBX⁞8mdZzVVcArRm9udqtqXmnZ6lu7qj1mWIOMNkkmS6J14a9Scnm4oimouEACTQQD9hAG/MJYnRl6fs04NMwKJ4FfgqkbNlg8Y7SIB3IIZLsbNPzdWxBHPLJCFW2fgIk9zsBL0HxYfYRPzAW0VTKV/u7JSFOefkd2U=⟧"}'),
 (6,'mattermost','{"incoming":"⟦messaging:https://chat⁞.quillmark.dev/hooks/uufj2e04r0z7ou9g409bxbvzma⟧","bot_token":"⟦messaging:gvy2uxj41srn⁞vyc6zkli2o66ke⟧"}'),
 (7,'mandrill','{"mandrill_key":"⟦messaging:2SgvPX5O0uE⁞xcCfIb1CUAT⟧"}'),
 (8,'auth0','{"domain":"mosaic.eu.auth0.com","client_id":"Xk3pQ8rT1uV4wY7zA0bC3dE6fG9hJ2kL","client_secret":"⟦saas:C3piYfPR6Fd4⁞_pQSPCtxnw6EeyoDSKtCiuo5LnselsF5EOB8d5A2c0-z1W6pYi1w⟧"}');

-- Dump completed on 2025-02-19  3:00:01
