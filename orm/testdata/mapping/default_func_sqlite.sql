BEGIN [];
INSERT INTO "ticket" ("id", "code", "note", "title", "revision") VALUES (?, ?, ?, ?, ?) [t-1 c-2 n-3 a 0];
COMMIT [];
BEGIN [];
UPDATE "ticket" SET "title" = ?, "revision" = ? WHERE "id" = ? [b 400 t-1];
COMMIT [];
UPDATE "ticket" SET "title" = ?, "revision" = ? WHERE "ticket"."id" = ? [c 500 t-1];
