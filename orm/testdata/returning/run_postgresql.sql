-- test_update_fetch_returning: the session holds the rows
BEGIN [];
SELECT "citizen"."id", "citizen"."name", "citizen"."age_int" FROM "citizen" ORDER BY "citizen"."id" [];
UPDATE "citizen" SET "age_int" = age_int - $1 WHERE "age_int" > $2 RETURNING "id", "age_int" [10 29];
-- test_fetch_w_explicit_returning
UPDATE "citizen" SET "age_int" = $1 WHERE "name" = $2 RETURNING "id", "age_int", "name", "age_int" [10 jack];
-- update returning objects
UPDATE "citizen" SET "name" = $1 WHERE "id" = $2 RETURNING "id", "name", "age_int" [jill 3];
-- test_delete_fetch_returning
DELETE FROM "citizen" WHERE "age_int" = $1 RETURNING "id" [27];
COMMIT [];
-- no session: no rows read back
UPDATE "citizen" SET "age_int" = $1 WHERE "id" = $2 [1 1];
-- no session: update returning
BEGIN [];
UPDATE "citizen" SET "age_int" = $1 WHERE "id" = $2 RETURNING "name" [2 1];
COMMIT [];
-- test_delete_returning_star, no session
BEGIN [];
DELETE FROM "citizen" WHERE "id" = $1 RETURNING "id", "name", "age_int" [1];
COMMIT [];
