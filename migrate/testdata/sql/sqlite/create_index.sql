CREATE INDEX `ix_product_stock` ON `product` (`stock`);
