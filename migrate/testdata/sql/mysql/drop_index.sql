ALTER TABLE `product` DROP INDEX `ix_product_name`;
