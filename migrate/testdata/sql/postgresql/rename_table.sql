ALTER TABLE "product" RENAME TO "item";
