-- alembic: COMMENT ON COLUMN t1.c1 IS 'This is a column ''comment'''
COMMENT ON COLUMN "t1"."c1" IS 'This is a column ''comment''';
