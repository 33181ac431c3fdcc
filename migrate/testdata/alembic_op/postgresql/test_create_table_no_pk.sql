-- alembic: CREATE TABLE some_table (x INTEGER NOT NULL, y INTEGER NOT NULL, z INTEGER NOT NULL)
CREATE TABLE "some_table" ("x" integer NOT NULL, "y" integer NOT NULL, "z" integer NOT NULL);
