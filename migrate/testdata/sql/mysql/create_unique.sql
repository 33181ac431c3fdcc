ALTER TABLE `category` ADD UNIQUE INDEX `uq_category_title` (`title`);
