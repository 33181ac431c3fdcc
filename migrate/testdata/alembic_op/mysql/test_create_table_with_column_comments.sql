-- alembic: CREATE TABLE t9 (c1 INTEGER NOT NULL COMMENT 'c1 comment' AUTO_INCREMENT, c2 INTEGER COMMENT 'c2 comment', PRIMARY KEY (c1))COMMENT='This is a table comment'
-- difference: Atlas orders AUTO_INCREMENT before COMMENT and spells the table comment COMMENT "x"
CREATE TABLE `t9` (`c1` int NOT NULL AUTO_INCREMENT COMMENT "c1 comment", `c2` int NULL COMMENT "c2 comment", PRIMARY KEY (`c1`)) COMMENT "This is a table comment";
