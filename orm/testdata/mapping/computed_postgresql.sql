SELECT "writer"."id", "writer"."name", (SELECT count(*) FROM "essay" WHERE "essay"."writer_id" = "writer"."id") AS "articles", (length(writer.name) * $1) AS "name_score" FROM "writer" WHERE "name" LIKE $2 ORDER BY "writer"."name"
-- args: int(10), string(a%)

UPDATE "writer" SET "name" = $1 WHERE "writer"."id" = $2
-- args: string(x), int(1)

CREATE TABLE "writer" ("id" bigserial NOT NULL, "name" character varying(40) NOT NULL, PRIMARY KEY ("id"));
