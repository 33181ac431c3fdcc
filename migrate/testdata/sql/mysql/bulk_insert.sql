INSERT INTO `category` (`id`, `title`) VALUES (1, 'it''s');
INSERT INTO `category` (`id`, `title`) VALUES (2, NULL);
