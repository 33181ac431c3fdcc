PRAGMA foreign_keys = off;
CREATE TABLE `new_product` (`id` integer NOT NULL, `name` integer NOT NULL, `category_id` integer NULL, `stock` integer NOT NULL DEFAULT 0, PRIMARY KEY (`id`), CONSTRAINT `fk_product_category` FOREIGN KEY (`category_id`) REFERENCES `category` (`id`) ON DELETE CASCADE);
INSERT INTO `new_product` (`id`, `name`, `category_id`, `stock`) SELECT `id`, CAST(`name` AS integer) AS `name`, `category_id`, `stock` FROM `product`;
DROP TABLE `product`;
ALTER TABLE `new_product` RENAME TO `product`;
CREATE INDEX `ix_product_name` ON `product` (`name`);
PRAGMA foreign_keys = on;
