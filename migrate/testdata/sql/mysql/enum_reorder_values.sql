ALTER TABLE `post` MODIFY COLUMN `status` enum('published','draft') NULL;
ALTER TABLE `page` MODIFY COLUMN `status` enum('published','draft') NULL;
