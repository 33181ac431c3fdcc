ALTER TABLE "product" ALTER COLUMN "name" TYPE integer USING length("name");
