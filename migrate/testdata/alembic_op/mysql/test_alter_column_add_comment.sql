-- alembic: ALTER TABLE t1 MODIFY c1 INTEGER NULL COMMENT 'This is a column comment'
ALTER TABLE `t1` MODIFY COLUMN `c1` int NULL COMMENT "This is a column comment";
