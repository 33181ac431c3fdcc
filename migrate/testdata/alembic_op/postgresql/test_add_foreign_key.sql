-- alembic: ALTER TABLE t1 ADD CONSTRAINT fk_test FOREIGN KEY(c1, bat) REFERENCES t2 (bat, hoho)
ALTER TABLE "t1" ADD CONSTRAINT "fk_test" FOREIGN KEY ("c1", "bat") REFERENCES "t2" ("bat", "hoho");
