ALTER TABLE `post` MODIFY COLUMN `status` enum('draft') NULL;
ALTER TABLE `page` MODIFY COLUMN `status` enum('draft') NULL;
