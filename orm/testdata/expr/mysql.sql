-- test_modern_tuple columns
SELECT `title`, `views` FROM `post` WHERE `views` > ?
-- args: int(1)

-- columns aggregate labels
SELECT `author_id`, count(*) AS `n`, sum(`views`) AS `total` FROM `post` GROUP BY `author_id`
-- args: 

-- order by label
SELECT `author_id`, count(*) AS `n` FROM `post` GROUP BY `author_id` ORDER BY `n` DESC, `post`.`author_id`
-- args: 

-- test_from_subquery
SELECT `per_user`.`author_id`, `per_user`.`n` FROM (SELECT `author_id`, count(*) AS `n` FROM `post` GROUP BY `author_id`) AS `per_user` WHERE `per_user`.`n` > ?
-- args: int(1)

-- from subquery entity
SELECT `popular`.* FROM (SELECT `post`.`id`, `post`.`author_id`, `post`.`title`, `post`.`views` FROM `post` WHERE `views` > ?) AS `popular`
-- args: int(5)

-- test_case
SELECT `title`, CASE WHEN `views` >= ? THEN ? WHEN `views` >= ? THEN ? ELSE ? END AS `heat` FROM `post`
-- args: int(10), string(hot), int(5), string(warm), string(cold)

-- coalesce nullif
SELECT coalesce(`author_id`, ?) AS `a`, nullif(`views`, ?) AS `v` FROM `post`
-- args: int(0), int(0)

-- test_cast
SELECT CAST(`views` AS CHAR), CAST(`title` AS SIGNED INTEGER), CAST(`views` AS DECIMAL(10, 2)), CAST(`views` AS DOUBLE) FROM `post`
-- args: 

-- test_ilike
SELECT `user`.`id`, `user`.`name`, `user`.`active` FROM `user` WHERE lower(`name`) LIKE lower(?) AND lower(`name`) NOT LIKE lower(?)
-- args: string(AN%), string(%X)

-- test_concat
SELECT concat(`name`, ?) AS `shout` FROM `user`
-- args: string(!)

-- test_exists
SELECT `user`.`id`, `user`.`name`, `user`.`active` FROM `user` WHERE EXISTS (SELECT 1 FROM `post` WHERE `post`.`author_id` = `user`.`id`)
-- args: 

-- not exists
SELECT `user`.`id`, `user`.`name`, `user`.`active` FROM `user` WHERE NOT EXISTS (SELECT 1 FROM `post` WHERE `post`.`author_id` = `user`.`id`)
-- args: 

-- test_o2m_any
SELECT `user`.`id`, `user`.`name`, `user`.`active` FROM `user` WHERE EXISTS (SELECT 1 FROM `post` WHERE `user`.`id` = `post`.`author_id` AND `post`.`views` > ?)
-- args: int(20)

-- test_has_many_to_one
SELECT `post`.`id`, `post`.`author_id`, `post`.`title`, `post`.`views` FROM `post` WHERE EXISTS (SELECT 1 FROM `user` WHERE `post`.`author_id` = `user`.`id` AND `user`.`name` = ?)
-- args: string(ann)

-- test_any_many_to_many
SELECT `post`.`id`, `post`.`author_id`, `post`.`title`, `post`.`views` FROM `post` WHERE EXISTS (SELECT 1 FROM `post_tag`, `tag` WHERE `post`.`id` = `post_tag`.`post_id` AND `tag`.`id` = `post_tag`.`tag_id` AND `tag`.`name` = ?)
-- args: string(sql)

-- selfref any
SELECT `node`.`id`, `node`.`parent_id`, `node`.`name` FROM `node` WHERE EXISTS (SELECT 1 FROM `node` AS `node_1` WHERE `node`.`id` = `node_1`.`parent_id` AND `node_1`.`name` = ?)
-- args: string(a1)

-- test_join_against_self
SELECT `node`.`name`, `parent`.`name` AS `parent` FROM `node` JOIN `node` AS `parent` ON `parent`.`id` = `node`.`parent_id`
-- args: 

-- test_multiple_with_aliases
SELECT `post`.`title` FROM `post` JOIN `user` AS `author` ON `post`.`author_id` = `author`.`id` JOIN `user` AS `u2` ON `u2`.`name` = `author`.`name` WHERE `u2`.`id` <> `author`.`id`
-- args: 

-- join relationship o2m
SELECT DISTINCT `user`.`id`, `user`.`name`, `user`.`active` FROM `user` JOIN `post` ON `user`.`id` = `post`.`author_id` WHERE `post`.`views` > ?
-- args: int(5)

-- test_aliased_classes_m2m join
SELECT `post`.`id`, `post`.`author_id`, `post`.`title`, `post`.`views` FROM `post` JOIN `post_tag` ON `post_tag`.`post_id` = `post`.`id` JOIN `tag` ON `tag`.`id` = `post_tag`.`tag_id` WHERE `tag`.`name` = ?
-- args: string(go)

-- left join relationship
SELECT `user`.`name`, count(`post`.`id`) FROM `user` LEFT OUTER JOIN `post` ON `user`.`id` = `post`.`author_id` GROUP BY `user`.`name`
-- args: 

-- test_nonrecursive
WITH `views` AS (SELECT `author_id`, sum(`views`) AS `total` FROM `post` GROUP BY `author_id`) SELECT `user`.`name`, `views`.`total` FROM `user` JOIN `views` ON `views`.`author_id` = `user`.`id`
-- args: 

-- test_recursive
WITH RECURSIVE `tree`(`id`, `name`, `depth`) AS (SELECT `id`, `name`, 0 FROM `node` WHERE `parent_id` IS NULL UNION ALL SELECT `node`.`id`, `node`.`name`, `tree`.`depth` + ? FROM `node` JOIN `tree` ON `node`.`parent_id` = `tree`.`id`) SELECT `tree`.`name`, `tree`.`depth` FROM `tree` ORDER BY `tree`.`depth`, `tree`.`name`
-- args: int(1)

-- test_over
SELECT `title`, row_number() OVER (PARTITION BY `author_id` ORDER BY `views` DESC) AS `rn`, rank() OVER (PARTITION BY `author_id` ORDER BY `views` DESC) AS `r`, dense_rank() OVER (PARTITION BY `author_id` ORDER BY `views` DESC) AS `dr` FROM `post`
-- args: 

-- lag lead
SELECT `title`, lag(`views`, 2) OVER (ORDER BY `id`) AS `prev`, lead(`views`, 1) OVER (ORDER BY `id`) AS `next` FROM `post`
-- args: 

-- test_over_framespec
SELECT `title`, sum(`views`) OVER (PARTITION BY `author_id` ORDER BY `id` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS `running`, avg(`views`) OVER (ORDER BY `id` ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS `avg3` FROM `post`
-- args: 

-- test_union
SELECT `name` FROM `user` WHERE `id` = ? UNION SELECT `name` FROM `tag` ORDER BY `name`
-- args: int(1)

-- union all
SELECT `name` FROM `user` UNION ALL SELECT * FROM (SELECT `name` FROM `tag` ORDER BY `tag`.`name` LIMIT 1) AS `anon_2`
-- args: 

-- intersect
SELECT `id` FROM `user` INTERSECT SELECT `author_id` FROM `post`
-- args: 

-- except
SELECT `id` FROM `user` EXCEPT SELECT `author_id` FROM `post`
-- args: 

-- test_for_update
SELECT `post`.`id`, `post`.`author_id`, `post`.`title`, `post`.`views` FROM `post` WHERE `id` = ? FOR UPDATE
-- args: int(7)

-- for update nowait
SELECT `post`.`id`, `post`.`author_id`, `post`.`title`, `post`.`views` FROM `post` FOR UPDATE NOWAIT
-- args: 

-- test_postgres_update_skip_locked
SELECT `post`.`id`, `post`.`author_id`, `post`.`title`, `post`.`views` FROM `post` ORDER BY `post`.`id` LIMIT 1 FOR UPDATE SKIP LOCKED
-- args: 

-- for share
SELECT `post`.`id`, `post`.`author_id`, `post`.`title`, `post`.`views` FROM `post` LOCK IN SHARE MODE
-- args: 

