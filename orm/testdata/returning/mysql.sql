-- test_update_returning_star
UPDATE `citizen` SET `age_int` = age_int - ? WHERE `age_int` > ?
-- args: int(10), int(29)

-- test_fetch_w_explicit_returning
UPDATE `citizen` SET `age_int` = ? WHERE `name` = ?
-- args: int(10), string(jack)

-- update returning a labelled expression
UPDATE `citizen` SET `name` = ?
-- args: string(x)

-- update returning onupdate column
UPDATE `edited` SET `title` = ?, `state` = ?
-- args: string(t), string(edited)

-- test_delete_returning_star
DELETE FROM `citizen` WHERE `age_int` > ? RETURNING `id`, `name`, `age_int`
-- args: int(29)

-- delete returning qualified column
DELETE FROM `citizen` RETURNING `id`
-- args: 

-- delete without returning
DELETE FROM `citizen` WHERE `id` = ?
-- args: int(1)

