-- select all
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product"
-- args: 

-- select where
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE "price" > $1 AND ("name" LIKE $2 OR "owner_id" IS NULL) ORDER BY "product"."price" DESC, "product"."name" LIMIT 10 OFFSET 20
-- args: int(10), string(a%)

-- select filter_by
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE "product"."name" = $1 AND "product"."owner_id" = $2
-- args: string(x), int64(7)

-- select raw
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE price > $1 AND name = $2
-- args: int(1), string(it's ?)

-- select in
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE "id" IN ($1, $2, $3) AND ("status" NOT IN (NULL) OR (1 = 1))
-- args: int(1), int(2), int(3)

-- select join group
SELECT "owner"."email", count(*) FROM "product" JOIN "owner" ON "owner"."id" = "product"."owner_id" GROUP BY "owner"."email" HAVING count(*) > $1
-- args: int(2)

-- select subquery
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE "owner_id" IN (SELECT "id" FROM "owner" WHERE "email" LIKE $1) AND "price" < $2
-- args: string(%@x), int(5)

-- select offset only
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" OFFSET 5
-- args: 

-- select distinct
SELECT DISTINCT "status" FROM "product"
-- args: 

-- insert one
INSERT INTO "owner" ("email", "name") VALUES ($1, $2) RETURNING "id"
-- args: string(a@x), <nil>(<nil>)

-- insert many
INSERT INTO "owner" ("email", "name") SELECT p0, p1 FROM unnest($1::character varying(200)[], $2::character varying(50)[]) WITH ORDINALITY AS imp_sen(p0, p1, sen) ORDER BY sen RETURNING "id"
-- args: postgres.textArray([a@x b@x]), []interface {}([<nil> <nil>])

-- insert explicit key
INSERT INTO "owner" ("id", "email", "name") VALUES ($1, $2, $3)
-- args: int64(5), string(a@x), <nil>(<nil>)

-- insert zero values
INSERT INTO "product" ("name", "price", "owner_id", "tags", "note") VALUES ($1, $2, $3, $4, $5) RETURNING "id", "status", "created"
-- args: string(p), orm.Decimal(0), <nil>(<nil>), orm.JSON[[]string]({[]}), sql.Null[string]({ false})

-- upsert update
INSERT INTO "owner" ("email", "name") VALUES ($1, $2) ON CONFLICT ("email") DO UPDATE SET "name" = excluded."name" RETURNING "id"
-- args: string(a@x), <nil>(<nil>)

-- upsert nothing
INSERT INTO "owner" ("email", "name") VALUES ($1, $2) ON CONFLICT ("email") DO NOTHING
-- args: string(a@x), <nil>(<nil>)

-- update
UPDATE "product" SET "price" = price * $1, "name" = $2 WHERE "id" = $3
-- args: int(2), string(n), int(3)

-- update onupdate
UPDATE "edited" SET "title" = $1, "state" = $2 WHERE "id" = $3
-- args: string(t), string(edited), int(3)

-- delete
DELETE FROM "product" WHERE "product"."status" = $1
-- args: string(draft)

