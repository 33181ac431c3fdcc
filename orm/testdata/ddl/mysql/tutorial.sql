CREATE TABLE `product` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(100) NOT NULL, `price` int NULL, PRIMARY KEY (`id`));
-- drop
DROP TABLE `product`;
