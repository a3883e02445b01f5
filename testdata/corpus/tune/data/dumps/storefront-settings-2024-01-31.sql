-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: report-01.ams.fernwood.dev    Database: storefront
-- ------------------------------------------------------

DROP TABLE IF EXISTS `app_settings`;
CREATE TABLE `app_settings` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(128) NOT NULL,
  `value` text,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `app_settings` WRITE;
INSERT INTO `app_settings` VALUES (1,'site.name','Fernwood','2024-01-11 15:02:00'),(2,'site.currency','EUR','2024-01-20 15:03:00'),(3,'mailchimp.api_key','⟦messaging:4a⁞80c4e88cfd97f2d6af097780fd5e3e-us19⟧','2024-01-24 12:07:00'),(4,'mailchimp.list_id','814c5b215d','2024-01-28 11:02:00'),(5,'square.access_token','⟦payments:EAAAb4nfod0TIc-LGn⁞U7c82ZE7jR8y0OuuMc27BwEs7Im3PxThy_rvF_IB_6CvRX⟧','2024-01-16 11:00:00'),(6,'square.oauth_secret','⟦payments:sq0csp-3gh⁞o2cufZ5aE8gV1fbGNGlT7gH_aarfY0eNX_J-UTtP⟧','2024-01-17 13:01:00'),(7,'square.location_id','LGR6BJKBBYRBF','2024-01-20 16:08:00'),(8,'checkout.session_ttl','1800','2024-01-18 16:08:00'),(9,'analytics.ga_id','G-P5PR4HQ95P','2024-01-13 10:09:00'),(10,'feature.reviews','true','2024-01-17 18:04:00');
UNLOCK TABLES;

DROP TABLE IF EXISTS `customer`;
CREATE TABLE `customer` (
  `id` int NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `password_hash` varchar(255) NOT NULL,
  `reset_token` char(36) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `customer` WRITE;
INSERT INTO `customer` VALUES (1,'anna.berg@example.com','$2y$10$KyRVbYGBRZUMYfzSke0amwmiWSzHvbErspnf9kh17DicUKE.M0ePw',NULL),(2,'luis.ortega@example.org','$2y$10$Zlli/lzfH5AMSWt.cM3D50cA5M.33fD.Iuv5Z7bAmCDf17LqHkMrl','7b550d38-b821-4c9e-b623-34bee99cfc07'),(3,'k.tanaka@example.net','$2y$10$eyDmaVLR0Dysyx8z0dDu9rCbWkAmxWw5NHCvA.BIWhUqSUY4eP5Hh',NULL),(4,'sam@example.com','$2y$10$mEE9pWrQfN2ZFZvm3FnOvwxLNsTjo4xZBN99QbfvNOi53c0P5s0cp','fd430d9d-c943-4809-953e-c597fdd2a527'),(5,'priya.n@example.com','$2y$10$1DLsNoS6iTcFyxP2R80vfD0pFW3UJR3wX/L.nMsw1ZfrelGsCUIwE',NULL);
UNLOCK TABLES;

-- Dump completed on 2024-01-31  3:00:04
