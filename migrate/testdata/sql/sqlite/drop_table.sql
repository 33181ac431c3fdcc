PRAGMA foreign_keys = off;
DROP TABLE `product`;
PRAGMA foreign_keys = on;
