-- Running downgrade 8825e31503db -> db531a47e319

PRAGMA foreign_keys = off;

CREATE TABLE `new_product` (`id` integer NOT NULL, `name` varchar(100) NOT NULL, PRIMARY KEY (`id`));

INSERT INTO `new_product` (`id`, `name`) SELECT `id`, `name` FROM `product`;

DROP TABLE `product`;

ALTER TABLE `new_product` RENAME TO `product`;

PRAGMA foreign_keys = on;

UPDATE alembic_version SET version_num='db531a47e319' WHERE alembic_version.version_num = '8825e31503db';

-- Running downgrade db531a47e319 -> 

PRAGMA foreign_keys = off;

DROP TABLE `product`;

PRAGMA foreign_keys = on;

DELETE FROM alembic_version WHERE alembic_version.version_num = 'db531a47e319';

