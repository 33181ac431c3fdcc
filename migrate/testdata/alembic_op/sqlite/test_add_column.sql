-- alembic: ALTER TABLE t1 ADD COLUMN c9 INTEGER
-- difference: Atlas says NULL explicitly
ALTER TABLE `t1` ADD COLUMN `c9` integer NULL;
