ALTER TABLE `post` MODIFY COLUMN `status` enum('new','draft','review','published') NULL;
ALTER TABLE `page` MODIFY COLUMN `status` enum('new','draft','review','published') NULL;
