-- alembic: CREATE TABLE some_table (id INTEGER NOT NULL, foo_id INTEGER NOT NULL, PRIMARY KEY (id), CONSTRAINT uq_1 UNIQUE (foo_id))
-- difference: the unique constraint is a unique index created after the table
CREATE TABLE "some_table" ("id" integer NOT NULL, "foo_id" integer NOT NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "uq_1" ON "some_table" ("foo_id");
