PRAGMA foreign_keys = off;
DROP TABLE `post`;
PRAGMA foreign_keys = on;
PRAGMA foreign_keys = off;
CREATE TABLE `new_page` (`id` integer NOT NULL, PRIMARY KEY (`id`));
INSERT INTO `new_page` (`id`) SELECT `id` FROM `page`;
DROP TABLE `page`;
ALTER TABLE `new_page` RENAME TO `page`;
PRAGMA foreign_keys = on;
