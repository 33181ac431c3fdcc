ALTER TABLE `category` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `title`);
