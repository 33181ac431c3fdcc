ALTER TABLE "product" ALTER COLUMN "name" TYPE integer USING "name"::integer;
