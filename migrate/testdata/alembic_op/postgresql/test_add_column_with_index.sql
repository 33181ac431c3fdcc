-- alembic: ALTER TABLE t1 ADD COLUMN c9 INTEGER NOT NULL
-- alembic: CREATE INDEX ix_t1_c9 ON t1 (c9)
ALTER TABLE "t1" ADD COLUMN "c9" integer NOT NULL;
CREATE INDEX "ix_t1_c9" ON "t1" ("c9");
