-- add a user with posts and tags, and another user
BEGIN [];
INSERT INTO "tag" ("name") VALUES (?), (?) [go db];
INSERT INTO "user" ("name", "active") VALUES (?, ?), (?, ?) [ann true bob true];
INSERT INTO "post" ("author_id", "title", "views") VALUES (?, ?, ?), (?, ?, ?) [1 p1 0 1 p2 0];
INSERT INTO "post_tag" ("post_id", "tag_id") VALUES (?, ?), (?, ?), (?, ?) [1 1 1 2 2 1];
COMMIT [];
-- selectin Posts.Tags, then change a column and remove a tag
SELECT "user"."id", "user"."name", "user"."active" FROM "user" ORDER BY "user"."name" [];
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views" FROM "post" WHERE "post"."author_id" IN (?, ?) ORDER BY "post"."id" [1 2];
SELECT "post_tag"."post_id", "tag"."id", "tag"."name" FROM "tag" JOIN "post_tag" ON "post_tag"."tag_id" = "tag"."id" WHERE "post_tag"."post_id" IN (?, ?) ORDER BY "tag"."name" [1 2];
BEGIN [];
UPDATE "user" SET "name" = ? WHERE "id" = ? [ann2 1];
DELETE FROM "post_tag" WHERE "post_id" = ? AND "tag_id" = ? [1 1];
COMMIT [];
-- joined Author, then delete a user (cascade)
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views", "user_1"."id", "user_1"."name", "user_1"."active" FROM "post" LEFT OUTER JOIN "user" AS "user_1" ON "user_1"."id" = "post"."author_id" ORDER BY "post"."id" [];
BEGIN [];
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views" FROM "post" WHERE "post"."author_id" IN (?) ORDER BY "post"."id" [1];
SELECT "profile"."id", "profile"."user_id", "profile"."bio" FROM "profile" WHERE "profile"."user_id" IN (?) [1];
DELETE FROM "post_tag" WHERE "post_tag"."post_id" IN (?, ?) [1 2];
DELETE FROM "post" WHERE "id" IN (?, ?) [1 2];
DELETE FROM "user" WHERE "id" = ? [1];
COMMIT [];
