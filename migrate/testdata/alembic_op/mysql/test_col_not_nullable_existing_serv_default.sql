-- alembic: ALTER TABLE t1 MODIFY c1 INTEGER NOT NULL DEFAULT '5'
-- difference: the default is the SQL expression given (5), not a quoted string
ALTER TABLE `t1` MODIFY COLUMN `c1` int NOT NULL DEFAULT 5;
