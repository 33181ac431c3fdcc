ALTER TABLE `product` ADD COLUMN `price` int NULL;
