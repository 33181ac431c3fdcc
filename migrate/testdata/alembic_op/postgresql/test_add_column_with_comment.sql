-- alembic: ALTER TABLE t1 ADD COLUMN q INTEGER
-- alembic: COMMENT ON COLUMN t1.q IS 'This is a comment'
ALTER TABLE "t1" ADD COLUMN "q" integer NULL;
COMMENT ON COLUMN "t1"."q" IS 'This is a comment';
