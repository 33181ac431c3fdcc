ALTER TABLE `product` ADD CONSTRAINT `ck_product_stock` CHECK (stock >= 0);
