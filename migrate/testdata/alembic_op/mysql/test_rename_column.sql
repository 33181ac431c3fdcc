-- alembic: ALTER TABLE t1 CHANGE c1 c2 INTEGER NULL
-- difference: RENAME COLUMN (MySQL 8, MariaDB 10.5) keeps the whole column without restating it
ALTER TABLE `t1` RENAME COLUMN `c1` TO `c2`;
