RENAME TABLE `product` TO `item`;
