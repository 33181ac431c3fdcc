INSERT INTO "t6" ("id", "data", "t5_id") VALUES ($1, $2, $3) [3 third t6 1];
UPDATE "t5" SET "data" = $1 WHERE "id" = $2 [some other t5 1];
DELETE FROM "t5_t7" WHERE "t5_t7"."t5_id" IN ($1) [1];
DELETE FROM "t6" WHERE "id" = $1 [1];
