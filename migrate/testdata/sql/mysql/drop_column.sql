ALTER TABLE `product` DROP COLUMN `stock`;
