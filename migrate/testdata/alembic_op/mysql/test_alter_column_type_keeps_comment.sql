-- alembic: ALTER TABLE t1 MODIFY c1 BIGINT NOT NULL COMMENT 'existing column comment'
ALTER TABLE `t1` MODIFY COLUMN `c1` bigint NOT NULL COMMENT "existing column comment";
