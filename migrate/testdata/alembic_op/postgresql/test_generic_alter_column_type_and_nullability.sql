-- alembic: ALTER TABLE t ALTER COLUMN c SET NOT NULL
-- alembic: ALTER TABLE t ALTER COLUMN c TYPE INTEGER
-- difference: one ALTER TABLE with both changes (Atlas combines them), with the USING PostgreSQL needs from varchar to integer
ALTER TABLE "t" ALTER COLUMN "c" TYPE integer USING c::integer, ALTER COLUMN "c" SET NOT NULL;
