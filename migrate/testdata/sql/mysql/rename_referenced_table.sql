RENAME TABLE `category` TO `kind`;
ALTER TABLE `product` MODIFY COLUMN `name` varchar(200) NOT NULL;
