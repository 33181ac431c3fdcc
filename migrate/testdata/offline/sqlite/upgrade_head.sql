CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));

-- Running upgrade  -> db531a47e319

CREATE TABLE `product` (`id` integer NOT NULL, `name` varchar(100) NOT NULL, PRIMARY KEY (`id`));

INSERT INTO alembic_version (version_num) VALUES ('db531a47e319');

-- Running upgrade db531a47e319 -> 8825e31503db

ALTER TABLE `product` ADD COLUMN `price` integer NULL;

UPDATE alembic_version SET version_num='8825e31503db' WHERE alembic_version.version_num = 'db531a47e319';

