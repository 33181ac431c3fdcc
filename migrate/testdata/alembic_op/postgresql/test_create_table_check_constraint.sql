-- alembic: CREATE TABLE some_table (id INTEGER NOT NULL, foo_id INTEGER NOT NULL, PRIMARY KEY (id), CONSTRAINT ck_1 CHECK (foo_id>5))
CREATE TABLE "some_table" ("id" integer NOT NULL, "foo_id" integer NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "ck_1" CHECK (foo_id>5));
