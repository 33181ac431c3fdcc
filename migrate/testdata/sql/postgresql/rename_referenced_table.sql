ALTER TABLE "category" RENAME TO "kind";
ALTER TABLE "product" ALTER COLUMN "name" TYPE character varying(200);
