-- alembic: ALTER TABLE t1 MODIFY c1 INTEGER NULL
-- difference: flagon sets the empty comment, which MySQL stores as no comment
ALTER TABLE `t1` MODIFY COLUMN `c1` int NULL COMMENT "";
