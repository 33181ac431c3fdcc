ALTER TABLE `post` MODIFY COLUMN `status` varchar(20) NULL;
ALTER TABLE `page` MODIFY COLUMN `status` varchar(20) NULL;
