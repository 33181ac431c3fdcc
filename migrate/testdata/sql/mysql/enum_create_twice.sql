CREATE TABLE `post` (`id` int NOT NULL AUTO_INCREMENT, `status` enum('draft','published') NULL, PRIMARY KEY (`id`));
CREATE TABLE `page` (`id` int NOT NULL AUTO_INCREMENT, `status` enum('draft','published') NULL, PRIMARY KEY (`id`));
