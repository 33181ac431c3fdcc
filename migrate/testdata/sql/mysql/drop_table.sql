DROP TABLE `product`;
