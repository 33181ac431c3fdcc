-- test_ordering: insert an engineer, a boss and another engineer
BEGIN [];
INSERT INTO "people" ("name", "type") VALUES (?, ?) [e1 engineer];
INSERT INTO "people" ("name", "type") VALUES (?, ?) [b1 boss];
INSERT INTO "people" ("name", "type") VALUES (?, ?) [e2 engineer];
INSERT INTO "engineers" ("person_id", "status", "primary_language") VALUES (?, ?, ?), (?, ?, ?) [1  go 3  c];
INSERT INTO "managers" ("person_id", "manager_name") VALUES (?, ?) [2 m];
INSERT INTO "boss" ("person_id", "golf_swing") VALUES (?, ?) [2 swing];
-- update a base column only
UPDATE "people" SET "name" = ? WHERE "person_id" = ? [e1b 1];
-- update a subtype column only
UPDATE "engineers" SET "primary_language" = ? WHERE "person_id" = ? [rust 1];
-- update the boss's base, manager and boss columns
UPDATE "people" SET "name" = ? WHERE "person_id" = ? [b2 2];
UPDATE "managers" SET "manager_name" = ? WHERE "person_id" = ? [m2 2];
UPDATE "boss" SET "golf_swing" = ? WHERE "person_id" = ? [s2 2];
-- delete the boss
DELETE FROM "boss" WHERE "person_id" = ? [2];
DELETE FROM "managers" WHERE "person_id" = ? [2];
DELETE FROM "people" WHERE "person_id" = ? [2];
COMMIT [];
