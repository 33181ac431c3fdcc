-- test_update_fetch_returning: the session holds the rows
SELECT "citizen"."id", "citizen"."name", "citizen"."age_int" FROM "citizen" ORDER BY "citizen"."id" [];
BEGIN [];
UPDATE "citizen" SET "age_int" = age_int - ? WHERE "age_int" > ? RETURNING "id", "age_int" [10 29];
-- test_fetch_w_explicit_returning
UPDATE "citizen" SET "age_int" = ? WHERE "name" = ? RETURNING "id", "age_int", "name", "age_int" [10 jack];
-- update returning objects
UPDATE "citizen" SET "name" = ? WHERE "id" = ? RETURNING "id", "name", "age_int" [jill 3];
-- test_delete_fetch_returning
DELETE FROM "citizen" WHERE "age_int" = ? RETURNING "id" [27];
COMMIT [];
-- no session: no rows read back
UPDATE "citizen" SET "age_int" = ? WHERE "id" = ? [1 1];
-- no session: update returning
BEGIN [];
UPDATE "citizen" SET "age_int" = ? WHERE "id" = ? RETURNING "name" [2 1];
COMMIT [];
-- test_delete_returning_star, no session
BEGIN [];
DELETE FROM "citizen" WHERE "id" = ? RETURNING "id", "name", "age_int" [1];
COMMIT [];
