ALTER TABLE `product` ADD COLUMN `state` enum('new','old') NULL;
