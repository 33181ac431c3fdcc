PRAGMA foreign_keys = off;
CREATE TABLE `new_category` (`id` integer NOT NULL, `title` varchar(50) NOT NULL, PRIMARY KEY (`id`, `title`));
INSERT INTO `new_category` (`id`, `title`) SELECT `id`, `title` FROM `category`;
DROP TABLE `category`;
ALTER TABLE `new_category` RENAME TO `category`;
PRAGMA foreign_keys = on;
