-- alembic: ALTER TABLE t ALTER COLUMN c TYPE INTEGER USING c::integer
ALTER TABLE "t" ALTER COLUMN "c" TYPE integer USING c::integer;
