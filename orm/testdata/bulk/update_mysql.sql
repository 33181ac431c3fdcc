-- test_bulk_update_synchronize_session heterogeneous keys
UPDATE `citizen` SET `age_int` = ? WHERE `id` = ? [35 1];
UPDATE `citizen` SET `name` = ? WHERE `id` = ? [new jack 2];
UPDATE `citizen` SET `name` = ?, `age_int` = ? WHERE `id` = ? [new jill 30 3];
-- test_bulk_update_w_where_one
UPDATE `citizen` SET `age_int` = ? WHERE `id` = ? AND `age_int` > ? [8 1 1];
-- expression value
UPDATE `citizen` SET `age_int` = age_int + ? WHERE `id` = ? [1 1];
-- onupdate column
UPDATE `edited` SET `title` = ?, `state` = ? WHERE `id` = ? [u edited 1];
