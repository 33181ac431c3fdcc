PRAGMA foreign_keys = off;
DROP TABLE `post`;
PRAGMA foreign_keys = on;
