-- alembic: ALTER TABLE t1 DROP FOREIGN KEY fk_old
-- difference: the index MySQL made for the key, under its name, is dropped with it
ALTER TABLE `t1` DROP FOREIGN KEY `fk_old`;
