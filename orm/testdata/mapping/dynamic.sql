-- sqlite test_basic
SELECT "d_address"."id", "d_address"."user_id", "d_address"."email_address" FROM "d_address" WHERE "d_address"."user_id" = ? ORDER BY "d_address"."id"
-- args: int64(2)

-- sqlite test_filter
SELECT "d_address"."id", "d_address"."user_id", "d_address"."email_address" FROM "d_address" WHERE "d_address"."user_id" = ? AND "email_address" LIKE ? ORDER BY "d_address"."id"
-- args: int64(2), string(ed%)

-- sqlite test_order_by
SELECT "d_address"."id", "d_address"."user_id", "d_address"."email_address" FROM "d_address" WHERE "d_address"."user_id" = ? ORDER BY "d_address"."email_address" DESC LIMIT 10 OFFSET 20
-- args: int64(2)

-- sqlite test_m2m
SELECT "d_item"."id", "d_item"."description" FROM "d_item" JOIN "d_order_item" ON "d_item"."id" = "d_order_item"."d_item_id" WHERE "d_order_item"."d_order_id" = ? ORDER BY "d_item"."id"
-- args: int64(1)

-- sqlite test_m2m filter
SELECT "d_item"."id", "d_item"."description" FROM "d_item" JOIN "d_order_item" ON "d_item"."id" = "d_order_item"."d_item_id" WHERE "d_order_item"."d_order_id" = ? AND "d_item"."description" <> ? ORDER BY "d_item"."id"
-- args: int64(1), string(x)

-- sqlite any on a dynamic relationship
SELECT "d_user"."id", "d_user"."name" FROM "d_user" WHERE EXISTS (SELECT 1 FROM "d_address" WHERE "d_user"."id" = "d_address"."user_id" AND "d_address"."email_address" LIKE ?)
-- args: string(%wood%)

-- sqlite join a dynamic relationship
SELECT "d_order"."id", "d_order"."description" FROM "d_order" JOIN "d_order_item" ON "d_order_item"."d_order_id" = "d_order"."id" JOIN "d_item" ON "d_item"."id" = "d_order_item"."d_item_id" WHERE "d_item"."description" = ?
-- args: string(item 3)

-- postgresql test_basic
SELECT "d_address"."id", "d_address"."user_id", "d_address"."email_address" FROM "d_address" WHERE "d_address"."user_id" = $1 ORDER BY "d_address"."id"
-- args: int64(2)

-- postgresql test_filter
SELECT "d_address"."id", "d_address"."user_id", "d_address"."email_address" FROM "d_address" WHERE "d_address"."user_id" = $1 AND "email_address" LIKE $2 ORDER BY "d_address"."id"
-- args: int64(2), string(ed%)

-- postgresql test_order_by
SELECT "d_address"."id", "d_address"."user_id", "d_address"."email_address" FROM "d_address" WHERE "d_address"."user_id" = $1 ORDER BY "d_address"."email_address" DESC LIMIT 10 OFFSET 20
-- args: int64(2)

-- postgresql test_m2m
SELECT "d_item"."id", "d_item"."description" FROM "d_item" JOIN "d_order_item" ON "d_item"."id" = "d_order_item"."d_item_id" WHERE "d_order_item"."d_order_id" = $1 ORDER BY "d_item"."id"
-- args: int64(1)

-- postgresql test_m2m filter
SELECT "d_item"."id", "d_item"."description" FROM "d_item" JOIN "d_order_item" ON "d_item"."id" = "d_order_item"."d_item_id" WHERE "d_order_item"."d_order_id" = $1 AND "d_item"."description" <> $2 ORDER BY "d_item"."id"
-- args: int64(1), string(x)

-- postgresql any on a dynamic relationship
SELECT "d_user"."id", "d_user"."name" FROM "d_user" WHERE EXISTS (SELECT 1 FROM "d_address" WHERE "d_user"."id" = "d_address"."user_id" AND "d_address"."email_address" LIKE $1)
-- args: string(%wood%)

-- postgresql join a dynamic relationship
SELECT "d_order"."id", "d_order"."description" FROM "d_order" JOIN "d_order_item" ON "d_order_item"."d_order_id" = "d_order"."id" JOIN "d_item" ON "d_item"."id" = "d_order_item"."d_item_id" WHERE "d_item"."description" = $1
-- args: string(item 3)

-- mysql test_basic
SELECT `d_address`.`id`, `d_address`.`user_id`, `d_address`.`email_address` FROM `d_address` WHERE `d_address`.`user_id` = ? ORDER BY `d_address`.`id`
-- args: int64(2)

-- mysql test_filter
SELECT `d_address`.`id`, `d_address`.`user_id`, `d_address`.`email_address` FROM `d_address` WHERE `d_address`.`user_id` = ? AND `email_address` LIKE ? ORDER BY `d_address`.`id`
-- args: int64(2), string(ed%)

-- mysql test_order_by
SELECT `d_address`.`id`, `d_address`.`user_id`, `d_address`.`email_address` FROM `d_address` WHERE `d_address`.`user_id` = ? ORDER BY `d_address`.`email_address` DESC LIMIT 10 OFFSET 20
-- args: int64(2)

-- mysql test_m2m
SELECT `d_item`.`id`, `d_item`.`description` FROM `d_item` JOIN `d_order_item` ON `d_item`.`id` = `d_order_item`.`d_item_id` WHERE `d_order_item`.`d_order_id` = ? ORDER BY `d_item`.`id`
-- args: int64(1)

-- mysql test_m2m filter
SELECT `d_item`.`id`, `d_item`.`description` FROM `d_item` JOIN `d_order_item` ON `d_item`.`id` = `d_order_item`.`d_item_id` WHERE `d_order_item`.`d_order_id` = ? AND `d_item`.`description` <> ? ORDER BY `d_item`.`id`
-- args: int64(1), string(x)

-- mysql any on a dynamic relationship
SELECT `d_user`.`id`, `d_user`.`name` FROM `d_user` WHERE EXISTS (SELECT 1 FROM `d_address` WHERE `d_user`.`id` = `d_address`.`user_id` AND `d_address`.`email_address` LIKE ?)
-- args: string(%wood%)

-- mysql join a dynamic relationship
SELECT `d_order`.`id`, `d_order`.`description` FROM `d_order` JOIN `d_order_item` ON `d_order_item`.`d_order_id` = `d_order`.`id` JOIN `d_item` ON `d_item`.`id` = `d_order_item`.`d_item_id` WHERE `d_item`.`description` = ?
-- args: string(item 3)

