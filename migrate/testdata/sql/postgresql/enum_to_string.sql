ALTER TABLE "post" ALTER COLUMN "status" TYPE character varying(20);
ALTER TABLE "page" ALTER COLUMN "status" TYPE character varying(20);
DROP TYPE "status";
