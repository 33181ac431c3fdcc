-- alembic: ALTER TABLE t1 ALTER COLUMN c1 DROP DEFAULT
-- difference: flagon restates the column with MODIFY (keeping its type, nullability and comment)
ALTER TABLE `t1` MODIFY COLUMN `c1` int NULL;
