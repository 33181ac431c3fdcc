-- alembic: CREATE TABLE some_table (id INTEGER NOT NULL, foo_id INTEGER NOT NULL, PRIMARY KEY (id))
-- alembic: CREATE INDEX ix_1 ON some_table (foo_id)
CREATE TABLE "some_table" ("id" integer NOT NULL, "foo_id" integer NOT NULL, PRIMARY KEY ("id"));
CREATE INDEX "ix_1" ON "some_table" ("foo_id");
