-- alembic: ALTER TABLE t1 MODIFY c1 INTEGER NULL COMMENT 'This is a column ''comment'''
-- difference: Atlas escapes the quote as \' where Alembic doubles it; the same comment
ALTER TABLE `t1` MODIFY COLUMN `c1` int NULL COMMENT "This is a column 'comment'";
