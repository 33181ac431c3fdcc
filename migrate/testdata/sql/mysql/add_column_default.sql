ALTER TABLE `product` ADD COLUMN `note` longtext NOT NULL DEFAULT 'none';
