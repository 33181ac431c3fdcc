-- Running upgrade db531a47e319 -> 8825e31503db

ALTER TABLE `product` ADD COLUMN `price` int NULL;

UPDATE alembic_version SET version_num='8825e31503db' WHERE alembic_version.version_num = 'db531a47e319';

