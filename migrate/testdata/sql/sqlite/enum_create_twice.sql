CREATE TABLE `post` (`id` integer NOT NULL, `status` varchar(9) NULL, PRIMARY KEY (`id`));
CREATE TABLE `page` (`id` integer NOT NULL, `status` varchar(9) NULL, PRIMARY KEY (`id`));
