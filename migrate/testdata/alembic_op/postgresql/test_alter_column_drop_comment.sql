-- alembic: COMMENT ON COLUMN t1.c1 IS NULL
-- difference: flagon sets the empty comment, which PostgreSQL stores as no comment
COMMENT ON COLUMN "t1"."c1" IS '';
