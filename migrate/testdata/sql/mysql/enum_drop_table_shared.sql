DROP TABLE `post`;
