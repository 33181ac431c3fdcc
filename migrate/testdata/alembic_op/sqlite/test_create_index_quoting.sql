-- alembic: CREATE INDEX geocoded ON t1 (foo)
CREATE INDEX `geocoded` ON `t1` (`foo`);
