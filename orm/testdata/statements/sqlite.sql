-- select all
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product"
-- args: 

-- select where
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE "price" > ? AND ("name" LIKE ? OR "owner_id" IS NULL) ORDER BY "product"."price" DESC, "product"."name" LIMIT 10 OFFSET 20
-- args: int(10), string(a%)

-- select filter_by
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE "product"."name" = ? AND "product"."owner_id" = ?
-- args: string(x), int64(7)

-- select raw
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE price > ? AND name = ?
-- args: int(1), string(it's ?)

-- select in
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE "id" IN (?, ?, ?) AND ("status" NOT IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1))
-- args: int(1), int(2), int(3)

-- select join group
SELECT "owner"."email", count(*) FROM "product" JOIN "owner" ON "owner"."id" = "product"."owner_id" GROUP BY "owner"."email" HAVING count(*) > ?
-- args: int(2)

-- select subquery
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" WHERE "owner_id" IN (SELECT "id" FROM "owner" WHERE "email" LIKE ?) AND "price" < ?
-- args: string(%@x), int(5)

-- select offset only
SELECT "product"."id", "product"."name", "product"."price", "product"."owner_id", "product"."status", "product"."tags", "product"."created", "product"."note" FROM "product" LIMIT -1 OFFSET 5
-- args: 

-- select distinct
SELECT DISTINCT "status" FROM "product"
-- args: 

-- insert one
INSERT INTO "owner" ("email", "name") VALUES (?, ?)
-- args: string(a@x), <nil>(<nil>)

-- insert many
INSERT INTO "owner" ("email", "name") VALUES (?, ?), (?, ?)
-- args: string(a@x), <nil>(<nil>), string(b@x), <nil>(<nil>)

-- insert explicit key
INSERT INTO "owner" ("id", "email", "name") VALUES (?, ?, ?)
-- args: int64(5), string(a@x), <nil>(<nil>)

-- insert zero values
INSERT INTO "product" ("name", "price", "owner_id", "tags", "note") VALUES (?, ?, ?, ?, ?) RETURNING "id", "status", "created"
-- args: string(p), orm.Decimal(0), <nil>(<nil>), orm.JSON[[]string]({[]}), sql.Null[string]({ false})

-- upsert update
INSERT INTO "owner" ("email", "name") VALUES (?, ?) ON CONFLICT ("email") DO UPDATE SET "name" = excluded."name" RETURNING "id"
-- args: string(a@x), <nil>(<nil>)

-- upsert nothing
INSERT INTO "owner" ("email", "name") VALUES (?, ?) ON CONFLICT ("email") DO NOTHING
-- args: string(a@x), <nil>(<nil>)

-- update
UPDATE "product" SET "price" = price * ?, "name" = ? WHERE "id" = ?
-- args: int(2), string(n), int(3)

-- update onupdate
UPDATE "edited" SET "title" = ?, "state" = ? WHERE "id" = ?
-- args: string(t), string(edited), int(3)

-- delete
DELETE FROM "product" WHERE "product"."status" = ?
-- args: string(draft)

