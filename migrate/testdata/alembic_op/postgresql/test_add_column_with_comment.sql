-- alembic: ALTER TABLE t1 ADD COLUMN q INTEGER
-- alembic: COMMENT ON COLUMN t1.q IS 'This is a comment'
-- difference: Atlas says NULL explicitly
ALTER TABLE "t1" ADD COLUMN "q" integer NULL;
COMMENT ON COLUMN "t1"."q" IS 'This is a comment';
