-- Running downgrade 8825e31503db -> db531a47e319

ALTER TABLE `product` DROP COLUMN `price`;

UPDATE alembic_version SET version_num='db531a47e319' WHERE alembic_version.version_num = '8825e31503db';

-- Running downgrade db531a47e319 -> 

DROP TABLE `product`;

DELETE FROM alembic_version WHERE alembic_version.version_num = 'db531a47e319';

