-- alembic: ALTER TABLE t1 ADD COLUMN q INTEGER COMMENT 'This is a comment'
-- difference: Atlas says NULL explicitly
ALTER TABLE `t1` ADD COLUMN `q` int NULL COMMENT "This is a comment";
