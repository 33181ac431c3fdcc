ALTER TABLE `product` ADD INDEX `ix_product_stock` (`stock`);
