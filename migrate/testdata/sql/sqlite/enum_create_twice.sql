CREATE TABLE `post` (`id` integer NOT NULL, `status` varchar(9) NULL, PRIMARY KEY (`id`), CONSTRAINT `ck_post_status` CHECK ("status" IN ('draft', 'published')));
CREATE TABLE `page` (`id` integer NOT NULL, `status` varchar(9) NULL, PRIMARY KEY (`id`), CONSTRAINT `ck_page_status` CHECK ("status" IN ('draft', 'published')));
