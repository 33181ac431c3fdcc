-- alembic: ALTER TABLE t1 ADD COLUMN q INTEGER COMMENT 'This is a comment'
ALTER TABLE `t1` ADD COLUMN `q` int NULL COMMENT "This is a comment";
