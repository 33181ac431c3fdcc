-- alembic: ALTER TABLE t1 ALTER COLUMN c1 SET NOT NULL
-- alembic: COMMENT ON COLUMN t1.c1 IS 'This is a column comment'
ALTER TABLE "t1" ALTER COLUMN "c1" SET NOT NULL;
COMMENT ON COLUMN "t1"."c1" IS 'This is a column comment';
