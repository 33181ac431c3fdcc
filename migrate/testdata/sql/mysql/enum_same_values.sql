ALTER TABLE `post` MODIFY COLUMN `status` enum('draft','published') NULL;
ALTER TABLE `page` MODIFY COLUMN `status` enum('draft','published') NULL;
