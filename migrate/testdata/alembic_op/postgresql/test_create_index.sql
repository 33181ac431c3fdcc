-- alembic: CREATE INDEX ik_test ON t1 (foo, bar)
CREATE INDEX "ik_test" ON "t1" ("foo", "bar");
