CREATE TYPE "state" AS ENUM ('new', 'old');
ALTER TABLE "product" ADD COLUMN "state" "state" NULL;
