-- alembic: ALTER TABLE t1 MODIFY c1 INTEGER NOT NULL COMMENT 'This is a column comment'
ALTER TABLE `t1` MODIFY COLUMN `c1` int NOT NULL COMMENT "This is a column comment";
