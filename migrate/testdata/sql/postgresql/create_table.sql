CREATE TABLE "category" ("id" serial NOT NULL, "title" character varying(50) NOT NULL, PRIMARY KEY ("id"));
CREATE TABLE "product" ("id" serial NOT NULL, "name" character varying(100) NOT NULL, "category_id" integer NULL, "stock" integer NOT NULL DEFAULT 0, PRIMARY KEY ("id"), CONSTRAINT "fk_product_category" FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE CASCADE);
CREATE INDEX "ix_product_name" ON "product" ("name");
