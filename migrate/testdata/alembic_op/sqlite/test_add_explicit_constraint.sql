-- difference: Alembic raises NotImplementedError (SQLite has no ALTER TABLE ADD CONSTRAINT) outside batch mode; flagon rebuilds the table
PRAGMA foreign_keys = off;
CREATE TABLE `new_t1` (`id` integer NOT NULL, `c1` integer NULL, `foo` integer NULL, `bar` integer NULL, `bat` integer NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_old` FOREIGN KEY (`foo`, `bar`) REFERENCES `t2` (`bat`, `hoho`), CONSTRAINT `ck_old` CHECK (foo > 0), CONSTRAINT `foo` CHECK (c1 > 5));
INSERT INTO `new_t1` (`id`, `c1`, `foo`, `bar`, `bat`) SELECT `id`, `c1`, `foo`, `bar`, `bat` FROM `t1`;
DROP TABLE `t1`;
ALTER TABLE `new_t1` RENAME TO `t1`;
CREATE INDEX `ik_old` ON `t1` (`foo`);
CREATE UNIQUE INDEX `uq_old` ON `t1` (`bar`);
PRAGMA foreign_keys = on;
