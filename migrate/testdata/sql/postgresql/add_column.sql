ALTER TABLE "product" ADD COLUMN "price" integer NULL;
