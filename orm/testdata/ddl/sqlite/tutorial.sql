CREATE TABLE `product` (`id` integer NOT NULL, `name` varchar(100) NOT NULL, `price` integer NULL, PRIMARY KEY (`id`));
-- drop
DROP TABLE "product";
