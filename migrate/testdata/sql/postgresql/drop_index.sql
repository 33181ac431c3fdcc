DROP INDEX "ix_product_name";
