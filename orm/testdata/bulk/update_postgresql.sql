-- test_bulk_update_synchronize_session heterogeneous keys
UPDATE "citizen" SET "age_int" = $1 WHERE "id" = $2 [35 1];
UPDATE "citizen" SET "name" = $1 WHERE "id" = $2 [new jack 2];
UPDATE "citizen" SET "name" = $1, "age_int" = $2 WHERE "id" = $3 [new jill 30 3];
-- test_bulk_update_w_where_one
UPDATE "citizen" SET "age_int" = $1 WHERE "id" = $2 AND "age_int" > $3 [8 1 1];
-- expression value
UPDATE "citizen" SET "age_int" = age_int + $1 WHERE "id" = $2 [1 1];
-- onupdate column
UPDATE "edited" SET "title" = $1, "state" = $2 WHERE "id" = $3 [u edited 1];
