ALTER TABLE "product" DROP CONSTRAINT "fk_product_category";
