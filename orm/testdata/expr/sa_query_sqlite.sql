-- test_filter_by
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE "user"."name" = ?
-- args: string(ann)

-- test_filter_by map
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views" FROM "post" WHERE "post"."views" = ? AND "post"."author_id" = ?
-- args: int(5), int(2)

-- test_none_comparison filter_by
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views" FROM "post" WHERE "post"."author_id" IS NULL
-- args: 

-- test_none_comparison
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views" FROM "post" WHERE "author_id" IS NULL AND "author_id" IS NOT NULL
-- args: 

-- test_limit_offset_applies
SELECT "user"."id", "user"."name", "user"."active" FROM "user" ORDER BY "user"."id" LIMIT 10 OFFSET 10
-- args: 

-- test_first
SELECT "user"."id", "user"."name", "user"."active" FROM "user" ORDER BY "user"."id" LIMIT 1
-- args: 

-- test_count
SELECT count(*) FROM "user" WHERE "name" LIKE '%' || ?
-- args: string(n)

-- test_distinct
SELECT DISTINCT "user"."id", "user"."name", "user"."active" FROM "user" JOIN "post" ON "user"."id" = "post"."author_id" ORDER BY "user"."name"
-- args: 

