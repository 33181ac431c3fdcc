SELECT `writer`.`id`, `writer`.`name`, (SELECT count(*) FROM `essay` WHERE `essay`.`writer_id` = `writer`.`id`) AS `articles`, (length(writer.name) * ?) AS `name_score` FROM `writer` WHERE `name` LIKE ? ORDER BY `writer`.`name`
-- args: int(10), string(a%)

UPDATE `writer` SET `name` = ? WHERE `writer`.`id` = ?
-- args: string(x), int(1)

CREATE TABLE `writer` (`id` bigint NOT NULL AUTO_INCREMENT, `name` varchar(40) NOT NULL, PRIMARY KEY (`id`));
