-- alembic: ALTER TABLE t1 DROP INDEX uq_old
ALTER TABLE `t1` DROP INDEX `uq_old`;
