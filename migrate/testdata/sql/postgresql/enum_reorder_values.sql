ALTER TYPE "status" RENAME TO "status_old";
CREATE TYPE "status" AS ENUM ('published', 'draft');
ALTER TABLE "post" ALTER COLUMN "status" TYPE "status" USING "status"::text::"status";
ALTER TABLE "page" ALTER COLUMN "status" TYPE "status" USING "status"::text::"status";
DROP TYPE "status_old";
