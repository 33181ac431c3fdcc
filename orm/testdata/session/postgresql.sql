-- add a user with posts and tags, and another user
BEGIN [];
INSERT INTO "tag" ("name") SELECT p0 FROM unnest($1::character varying(30)[]) WITH ORDINALITY AS imp_sen(p0, sen) ORDER BY sen RETURNING "id" [[go db]];
INSERT INTO "user" ("name", "active") SELECT p0, p1 FROM unnest($1::character varying(50)[], $2::boolean[]) WITH ORDINALITY AS imp_sen(p0, p1, sen) ORDER BY sen RETURNING "id" [[ann bob] [true true]];
INSERT INTO "post" ("author_id", "title", "views") SELECT p0, p1, p2 FROM unnest($1::bigint[], $2::character varying(100)[], $3::integer[]) WITH ORDINALITY AS imp_sen(p0, p1, p2, sen) ORDER BY sen RETURNING "id" [[1 1] [p1 p2] [0 0]];
INSERT INTO "post_tag" ("post_id", "tag_id") VALUES ($1, $2), ($3, $4), ($5, $6) [1 1 1 2 2 1];
COMMIT [];
-- selectin Posts.Tags, then change a column and remove a tag
BEGIN [];
SELECT "user"."id", "user"."name", "user"."active" FROM "user" ORDER BY "user"."name" [];
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views" FROM "post" WHERE "post"."author_id" IN ($1, $2) ORDER BY "post"."id" [1 2];
SELECT "post_tag"."post_id", "tag"."id", "tag"."name" FROM "tag" JOIN "post_tag" ON "post_tag"."tag_id" = "tag"."id" WHERE "post_tag"."post_id" IN ($1, $2) ORDER BY "tag"."name" [1 2];
UPDATE "user" SET "name" = $1 WHERE "id" = $2 [ann2 1];
DELETE FROM "post_tag" WHERE "post_id" = $1 AND "tag_id" = $2 [1 1];
COMMIT [];
-- joined Author, then delete a user (cascade)
BEGIN [];
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views", "user_1"."id", "user_1"."name", "user_1"."active" FROM "post" LEFT OUTER JOIN "user" AS "user_1" ON "user_1"."id" = "post"."author_id" ORDER BY "post"."id" [];
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views" FROM "post" WHERE "post"."author_id" IN ($1) ORDER BY "post"."id" [1];
SELECT "profile"."id", "profile"."user_id", "profile"."bio" FROM "profile" WHERE "profile"."user_id" IN ($1) [1];
DELETE FROM "post_tag" WHERE "post_tag"."post_id" IN ($1, $2) [1 2];
DELETE FROM "post" WHERE "id" IN ($1, $2) [1 2];
DELETE FROM "user" WHERE "id" = $1 [1];
COMMIT [];
