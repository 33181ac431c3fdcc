ALTER TABLE `product` MODIFY COLUMN `name` varchar(100) NULL;
