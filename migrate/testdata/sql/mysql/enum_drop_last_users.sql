DROP TABLE `post`;
ALTER TABLE `page` DROP COLUMN `status`;
