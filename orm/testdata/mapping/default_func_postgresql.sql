BEGIN [];
INSERT INTO "ticket" ("id", "code", "note", "title", "revision") VALUES ($1, $2, $3, $4, $5) [t-1 c-2 n-3 a 0];
COMMIT [];
BEGIN [];
UPDATE "ticket" SET "title" = $1, "revision" = $2 WHERE "id" = $3 [b 400 t-1];
COMMIT [];
UPDATE "ticket" SET "title" = $1, "revision" = $2 WHERE "ticket"."id" = $3 [c 500 t-1];
