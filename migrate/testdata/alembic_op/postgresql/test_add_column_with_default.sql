-- alembic: ALTER TABLE t1 ADD COLUMN c9 INTEGER DEFAULT '12' NOT NULL
-- difference: Atlas writes NOT NULL before DEFAULT; same column
ALTER TABLE "t1" ADD COLUMN "c9" integer NOT NULL DEFAULT '12';
