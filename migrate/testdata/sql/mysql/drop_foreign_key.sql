ALTER TABLE `product` DROP FOREIGN KEY `fk_product_category`;
