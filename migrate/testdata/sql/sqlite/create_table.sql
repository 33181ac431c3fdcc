CREATE TABLE `category` (`id` integer NOT NULL, `title` varchar(50) NOT NULL, PRIMARY KEY (`id`));
CREATE TABLE `product` (`id` integer NOT NULL, `name` varchar(100) NOT NULL, `category_id` integer NULL, `stock` integer NOT NULL DEFAULT 0, PRIMARY KEY (`id`), CONSTRAINT `fk_product_category` FOREIGN KEY (`category_id`) REFERENCES `category` (`id`) ON DELETE CASCADE);
CREATE INDEX `ix_product_name` ON `product` (`name`);
