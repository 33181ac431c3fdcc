ALTER TABLE `category` ADD COLUMN `parent_id` integer NULL;
PRAGMA foreign_keys = off;
CREATE TABLE `new_category` (`id` integer NOT NULL, `title` varchar(50) NOT NULL, `parent_id` integer NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_category_parent` FOREIGN KEY (`parent_id`) REFERENCES `category` (`id`));
INSERT INTO `new_category` (`id`, `title`, `parent_id`) SELECT `id`, `title`, `parent_id` FROM `category`;
DROP TABLE `category`;
ALTER TABLE `new_category` RENAME TO `category`;
PRAGMA foreign_keys = on;
