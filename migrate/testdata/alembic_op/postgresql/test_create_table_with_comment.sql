-- alembic: CREATE TABLE t9 (c1 SERIAL NOT NULL, c2 INTEGER, PRIMARY KEY (c1))
-- alembic: COMMENT ON TABLE t9 IS 't2 comment'
CREATE TABLE "t9" ("c1" serial NOT NULL, "c2" integer NULL, PRIMARY KEY ("c1"));
COMMENT ON TABLE "t9" IS 't2 comment';
