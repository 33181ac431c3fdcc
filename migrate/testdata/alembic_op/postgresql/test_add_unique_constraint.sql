-- alembic: ALTER TABLE t1 ADD CONSTRAINT uk_test UNIQUE (foo, bar)
-- difference: a unique constraint is created as a unique index (CreateUniqueConstraint and CreateIndex{Unique} are one thing in flagon's schema model)
CREATE UNIQUE INDEX "uk_test" ON "t1" ("foo", "bar");
