ALTER TABLE "product" ADD CONSTRAINT "ck_product_name" CHECK ("name" <> 'a "b"');
