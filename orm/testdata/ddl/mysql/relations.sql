CREATE TABLE `owner` (`id` bigint NOT NULL AUTO_INCREMENT, `email` varchar(200) NOT NULL, `name` varchar(50) NULL COMMENT "display name", PRIMARY KEY (`id`), UNIQUE INDEX `uq_owner_email` (`email`));
CREATE TABLE `product` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(100) NOT NULL, `price` decimal(12,2) NOT NULL DEFAULT 0, `owner_id` bigint NULL, `status` enum('draft','live','it''s') NOT NULL DEFAULT 'draft', `tags` json NOT NULL, `created` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `note` longtext NULL, PRIMARY KEY (`id`), INDEX `ix_product_name` (`name`), CONSTRAINT `fk_product_owner_id_owner` FOREIGN KEY (`owner_id`) REFERENCES `owner` (`id`) ON DELETE SET NULL, CONSTRAINT `ck_product_price` CHECK (price >= 0));
CREATE TABLE `membership` (`owner_id` bigint NOT NULL, `product_id` int NOT NULL, `role` varchar(20) NOT NULL, PRIMARY KEY (`owner_id`, `product_id`), INDEX `ix_membership_role` (`role`, `product_id`), CONSTRAINT `fk_membership_owner_id_owner` FOREIGN KEY (`owner_id`) REFERENCES `owner` (`id`) ON DELETE CASCADE, CONSTRAINT `fk_membership_product_id_product` FOREIGN KEY (`product_id`) REFERENCES `product` (`id`) ON DELETE CASCADE, CONSTRAINT `ck_membership_role_not_empty` CHECK (role <> '')) COMMENT "who may edit what";
-- drop
DROP TABLE `membership`;
DROP TABLE `product`;
DROP TABLE `owner`;
