CREATE TABLE user (
  id INT AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(80) NOT NULL UNIQUE,
  password TEXT NOT NULL,
  email VARCHAR(120)
);
CREATE TABLE post (
  id INT AUTO_INCREMENT PRIMARY KEY,
  author_id INT NOT NULL,
  editor_id INT,
  created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  title VARCHAR(200) NOT NULL,
  body TEXT NOT NULL,
  status ENUM('draft', 'published') NOT NULL DEFAULT 'draft',
  views INT NOT NULL DEFAULT 0,
  CONSTRAINT post_author FOREIGN KEY (author_id) REFERENCES user (id) ON DELETE CASCADE,
  CONSTRAINT post_editor FOREIGN KEY (editor_id) REFERENCES user (id),
  CONSTRAINT ck_post_views CHECK (views >= 0)
);
CREATE INDEX ix_post_created ON post (created);
CREATE INDEX post_title_idx ON post (title, author_id);
CREATE TABLE tag (
  id INT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  CONSTRAINT uq_tag_name UNIQUE (name)
);
CREATE TABLE post_tag (
  post_id INT NOT NULL,
  tag_id INT NOT NULL,
  PRIMARY KEY (post_id, tag_id),
  CONSTRAINT fk_post_tag_post_id_post FOREIGN KEY (post_id) REFERENCES post (id),
  CONSTRAINT fk_post_tag_tag_id_tag FOREIGN KEY (tag_id) REFERENCES tag (id)
);
CREATE TABLE node (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  parent_id BIGINT,
  name VARCHAR(40) NOT NULL,
  CONSTRAINT fk_node_parent_id_node FOREIGN KEY (parent_id) REFERENCES node (id)
);
CREATE TABLE membership (
  user_id INT NOT NULL,
  tag_id INT NOT NULL,
  role VARCHAR(20) NOT NULL DEFAULT 'member',
  joined DATE,
  PRIMARY KEY (tag_id, user_id),
  CONSTRAINT membership_user_role UNIQUE (user_id, role),
  CONSTRAINT membership_user FOREIGN KEY (user_id) REFERENCES user (id),
  CONSTRAINT membership_tag FOREIGN KEY (tag_id) REFERENCES tag (id)
);
CREATE TABLE sample (
  id INT AUTO_INCREMENT PRIMARY KEY,
  small SMALLINT,
  tiny TINYINT,
  big BIGINT NOT NULL DEFAULT 7,
  name VARCHAR(30),
  code CHAR(8),
  note TEXT,
  body LONGTEXT,
  flag BOOLEAN NOT NULL DEFAULT 1,
  price DECIMAL(10,2),
  ratio DOUBLE,
  score FLOAT,
  born DATE,
  at_time TIME,
  created_at DATETIME,
  updated_at DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6),
  stamp TIMESTAMP NULL,
  data BLOB,
  big_data LONGBLOB,
  doc JSON,
  uid CHAR(36),
  status ENUM('draft', 'published'),
  level MEDIUMINT
  ,hits INT UNSIGNED,
  digest VARBINARY(16),
  yr YEAR,
  flags SET('a', 'b'),
  summary MEDIUMTEXT,
  plain_num DECIMAL,
  touched DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)
);
CREATE TABLE revision (
  doc_id INT NOT NULL,
  rev INT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (doc_id, rev)
);
CREATE TABLE diff (
  id INT AUTO_INCREMENT PRIMARY KEY,
  old_doc_id INT NOT NULL,
  old_rev INT NOT NULL,
  new_doc_id INT NOT NULL,
  new_rev INT NOT NULL,
  CONSTRAINT diff_old FOREIGN KEY (old_doc_id, old_rev) REFERENCES revision (doc_id, rev),
  CONSTRAINT diff_new FOREIGN KEY (new_doc_id, new_rev) REFERENCES revision (doc_id, rev)
);
