-- test_update_returning_star
UPDATE "citizen" SET "age_int" = age_int - $1 WHERE "age_int" > $2 RETURNING "id", "name", "age_int"
-- args: int(10), int(29)

-- test_fetch_w_explicit_returning
UPDATE "citizen" SET "age_int" = $1 WHERE "name" = $2 RETURNING "name", "age_int"
-- args: int(10), string(jack)

-- update returning a labelled expression
UPDATE "citizen" SET "name" = $1 RETURNING age_int + 1 AS "next_age"
-- args: string(x)

-- update returning onupdate column
UPDATE "edited" SET "title" = $1, "state" = $2 RETURNING "state"
-- args: string(t), string(edited)

-- test_delete_returning_star
DELETE FROM "citizen" WHERE "age_int" > $1 RETURNING "id", "name", "age_int"
-- args: int(29)

-- delete returning qualified column
DELETE FROM "citizen" RETURNING "id"
-- args: 

-- delete without returning
DELETE FROM "citizen" WHERE "id" = $1
-- args: int(1)

