ALTER TABLE `post` MODIFY COLUMN `status` enum('draft','published','archived') NULL;
ALTER TABLE `page` MODIFY COLUMN `status` enum('draft','published','archived') NULL;
