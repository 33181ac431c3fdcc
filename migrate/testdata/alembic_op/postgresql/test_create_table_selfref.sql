-- alembic: CREATE TABLE some_table (id INTEGER NOT NULL, st_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(st_id) REFERENCES some_table (id))
CREATE TABLE "some_table" ("id" integer NOT NULL, "st_id" integer NULL, PRIMARY KEY ("id"), FOREIGN KEY ("st_id") REFERENCES "some_table" ("id"));
