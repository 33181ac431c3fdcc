-- test_limit_offset 5 10
SELECT "id" FROM "user" LIMIT 5 OFFSET 10
-- args: 

-- test_limit_offset None 10
SELECT "id" FROM "user" OFFSET 10
-- args: 

-- test_limit_offset 5 None
SELECT "id" FROM "user" LIMIT 5
-- args: 

-- test_limit_offset 0 0
SELECT "id" FROM "user" LIMIT 0
-- args: 

-- test_order_by_nulls desc nulls first
SELECT "node"."id", "node"."parent_id", "node"."name" FROM "node" ORDER BY "id", "parent_id" DESC NULLS FIRST
-- args: 

-- test_order_by_nulls desc nulls last
SELECT "node"."id", "node"."parent_id", "node"."name" FROM "node" ORDER BY "id", "parent_id" DESC NULLS LAST
-- args: 

-- test_order_by_nulls nulls last, desc nulls first
SELECT "node"."id", "node"."parent_id", "node"."name" FROM "node" ORDER BY "parent_id" NULLS LAST, "name" DESC NULLS FIRST
-- args: 

-- test_order_by_nulls nulls first asc
SELECT "node"."id", "node"."parent_id", "node"."name" FROM "node" ORDER BY "parent_id" ASC NULLS FIRST, "name" DESC
-- args: 

-- test_orderby_groupby asc desc
SELECT "node"."id", "node"."parent_id", "node"."name" FROM "node" ORDER BY "id", "name" ASC, "name" DESC
-- args: 

-- test_orderby_groupby order_by None
SELECT "node"."id", "node"."parent_id", "node"."name" FROM "node"
-- args: 

-- test_orderby_groupby group_by
SELECT "title", count("id") FROM "post" GROUP BY "title"
-- args: 

-- test_orderby_groupby group_by None
SELECT "title" FROM "post"
-- args: 

-- test_orderby_groupby having
SELECT "author_id", count("id") FROM "post" GROUP BY "author_id" HAVING (count("id") > $1 AND sum("views") < $2) ORDER BY "post"."author_id"
-- args: int(1), int(100)

-- test_distinct_select_modifier
SELECT DISTINCT "name" FROM "user"
-- args: 

-- test_where_empty
SELECT "id" FROM "user"
-- args: 

-- test_where_multiple
SELECT "id" FROM "user" WHERE "id" = $1 AND "name" = $2
-- args: int(1), string(ann)

-- test_exists
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE EXISTS (SELECT "id" FROM "user" WHERE "id" = $1)
-- args: int(5)

-- test_exists label
SELECT "user"."id", EXISTS (SELECT 1 FROM "post" WHERE "post"."author_id" = "user"."id") AS "foo" FROM "user"
-- args: 

-- test_exists correlated not
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE NOT EXISTS (SELECT 1 FROM "post" WHERE "post"."author_id" = "user"."id")
-- args: 

-- test_where_subquery in
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE "id" IN (SELECT "author_id" FROM "post" WHERE "views" > $1)
-- args: int(5)

-- test_where_subquery scalar
SELECT "post"."id", "post"."author_id", "post"."title", "post"."views" FROM "post" WHERE "views" = (SELECT max("views") FROM "post")
-- args: 

-- test_where_subquery correlated
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE (SELECT count(*) FROM "post" WHERE "post"."author_id" = "user"."id") > $1
-- args: int(1)

-- test_scalar_select
SELECT "user"."name", (SELECT count(*) FROM "post" WHERE "post"."author_id" = "user"."id") AS "anon_1" FROM "user"
-- args: 

-- test_orderby_subquery
SELECT "user"."name" FROM "user" ORDER BY (SELECT count(*) FROM "post" WHERE "post"."author_id" = "user"."id"), "user"."name"
-- args: 

-- label quoting
SELECT "name" AS "user name", "id" AS "we""ird", "id" AS "order" FROM "user"
-- args: 

-- test_reserved_words
SELECT "select", "from", max("order") AS "group" FROM "order" WHERE "order" > $1 GROUP BY "select", "from" ORDER BY "order"."select"
-- args: int(0)

-- test_reserved_words model
SELECT "order"."id", "order"."select", "order"."from", "order"."order" FROM "order" WHERE "order"."select" = $1 ORDER BY "order"."order" DESC
-- args: string(a)

