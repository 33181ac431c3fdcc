ALTER TABLE "product" RENAME COLUMN "name" TO "title";
