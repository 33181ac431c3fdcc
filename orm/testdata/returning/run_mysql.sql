-- test_update_fetch_returning: the session holds the rows
BEGIN [];
SELECT `citizen`.`id`, `citizen`.`name`, `citizen`.`age_int` FROM `citizen` ORDER BY `citizen`.`id` [];
SELECT `id` FROM `citizen` WHERE `age_int` > ? FOR UPDATE [29];
UPDATE `citizen` SET `age_int` = age_int - ? WHERE `age_int` > ? [10 29];
SELECT `id`, `age_int` FROM `citizen` WHERE `citizen`.`id` IN (?, ?) [2 4];
-- test_fetch_w_explicit_returning
SELECT `id` FROM `citizen` WHERE `name` = ? FOR UPDATE [jack];
UPDATE `citizen` SET `age_int` = ? WHERE `name` = ? [10 jack];
SELECT `id`, `age_int`, `name`, `age_int` FROM `citizen` WHERE `citizen`.`id` IN (?) [2];
-- update returning objects
SELECT `id` FROM `citizen` WHERE `id` = ? FOR UPDATE [3];
UPDATE `citizen` SET `name` = ? WHERE `id` = ? [jill 3];
SELECT `id`, `name`, `age_int` FROM `citizen` WHERE `citizen`.`id` IN (?) [3];
-- test_delete_fetch_returning
DELETE FROM `citizen` WHERE `age_int` = ? RETURNING `id` [27];
COMMIT [];
-- no session: no rows read back
UPDATE `citizen` SET `age_int` = ? WHERE `id` = ? [1 1];
-- no session: update returning
BEGIN [];
SELECT `id` FROM `citizen` WHERE `id` = ? FOR UPDATE [1];
UPDATE `citizen` SET `age_int` = ? WHERE `id` = ? [2 1];
SELECT `name` FROM `citizen` WHERE `citizen`.`id` IN (?) [1];
COMMIT [];
-- test_delete_returning_star, no session
BEGIN [];
DELETE FROM `citizen` WHERE `id` = ? RETURNING `id`, `name`, `age_int` [1];
COMMIT [];
