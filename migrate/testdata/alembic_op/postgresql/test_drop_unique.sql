-- alembic: ALTER TABLE t1 DROP CONSTRAINT uq_old
-- difference: the unique constraint is a unique index (see test_add_unique_constraint)
DROP INDEX "uq_old";
