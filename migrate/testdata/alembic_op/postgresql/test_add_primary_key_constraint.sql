-- alembic: ALTER TABLE nopk ADD CONSTRAINT pk_test PRIMARY KEY (foo, bar)
ALTER TABLE "nopk" ADD CONSTRAINT "pk_test" PRIMARY KEY ("foo", "bar");
