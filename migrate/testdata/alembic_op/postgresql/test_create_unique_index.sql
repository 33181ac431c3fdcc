-- alembic: CREATE UNIQUE INDEX ik_test ON t1 (foo, bar)
CREATE UNIQUE INDEX "ik_test" ON "t1" ("foo", "bar");
