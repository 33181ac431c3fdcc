CREATE TABLE "product" ("id" serial NOT NULL, "name" character varying(100) NOT NULL, "price" integer NULL, PRIMARY KEY ("id"));
-- drop
DROP TABLE "product";
