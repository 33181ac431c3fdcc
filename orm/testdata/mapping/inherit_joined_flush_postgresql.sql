-- test_ordering: insert an engineer, a boss and another engineer
BEGIN [];
INSERT INTO "people" ("name", "type") VALUES ($1, $2) RETURNING "person_id" [e1 engineer];
INSERT INTO "people" ("name", "type") VALUES ($1, $2) RETURNING "person_id" [b1 boss];
INSERT INTO "people" ("name", "type") VALUES ($1, $2) RETURNING "person_id" [e2 engineer];
INSERT INTO "engineers" ("person_id", "status", "primary_language") SELECT p0, p1, p2 FROM unnest($1::bigint[], $2::character varying(30)[], $3::character varying(50)[]) WITH ORDINALITY AS imp_sen(p0, p1, p2, sen) ORDER BY sen [[1 3] [ ] [go c]];
INSERT INTO "managers" ("person_id", "manager_name") VALUES ($1, $2) [2 m];
INSERT INTO "boss" ("person_id", "golf_swing") VALUES ($1, $2) [2 swing];
-- update a base column only
UPDATE "people" SET "name" = $1 WHERE "person_id" = $2 [e1b 1];
-- update a subtype column only
UPDATE "engineers" SET "primary_language" = $1 WHERE "person_id" = $2 [rust 1];
-- update the boss's base, manager and boss columns
UPDATE "people" SET "name" = $1 WHERE "person_id" = $2 [b2 2];
UPDATE "managers" SET "manager_name" = $1 WHERE "person_id" = $2 [m2 2];
UPDATE "boss" SET "golf_swing" = $1 WHERE "person_id" = $2 [s2 2];
-- delete the boss
DELETE FROM "boss" WHERE "person_id" = $1 [2];
DELETE FROM "managers" WHERE "person_id" = $1 [2];
DELETE FROM "people" WHERE "person_id" = $1 [2];
COMMIT [];
