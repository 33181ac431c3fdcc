-- alembic: ALTER TABLE t1 ADD COLUMN c9 BOOLEAN
-- difference: Atlas says NULL explicitly
ALTER TABLE `t1` ADD COLUMN `c9` boolean NULL;
