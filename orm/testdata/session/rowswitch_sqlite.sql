INSERT INTO "t6" ("id", "data", "t5_id") VALUES (?, ?, ?) [3 third t6 1];
UPDATE "t5" SET "data" = ? WHERE "id" = ? [some other t5 1];
DELETE FROM "t5_t7" WHERE "t5_t7"."t5_id" IN (?) [1];
DELETE FROM "t6" WHERE "id" = ? [1];
