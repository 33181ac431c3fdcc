-- Flaskr's schema.sql, as the Flask tutorial writes it.
CREATE TABLE user (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT UNIQUE NOT NULL,
  password TEXT NOT NULL
);
CREATE TABLE post (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  author_id INTEGER NOT NULL,
  editor_id INTEGER,
  created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  views INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY (author_id) REFERENCES user (id) ON DELETE CASCADE,
  FOREIGN KEY (editor_id) REFERENCES user (id),
  CONSTRAINT ck_post_views CHECK (views >= 0)
);
CREATE INDEX ix_post_created ON post (created);
CREATE INDEX post_title_idx ON post (title, author_id);
CREATE TABLE tag (
  id INTEGER NOT NULL PRIMARY KEY,
  name VARCHAR(50) NOT NULL
);
CREATE UNIQUE INDEX uq_tag_name ON tag (name);
CREATE TABLE post_tag (
  post_id INTEGER NOT NULL REFERENCES post (id),
  tag_id INTEGER NOT NULL REFERENCES tag (id),
  PRIMARY KEY (post_id, tag_id)
);
CREATE TABLE node (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES node (id),
  name VARCHAR(40) NOT NULL
);
CREATE TABLE membership (
  user_id INTEGER NOT NULL REFERENCES user (id),
  tag_id INTEGER NOT NULL REFERENCES tag (id),
  role VARCHAR(20) NOT NULL DEFAULT 'member',
  joined DATE,
  PRIMARY KEY (tag_id, user_id)
);
CREATE UNIQUE INDEX membership_user_role ON membership (user_id, role);
CREATE TABLE sample (
  id INTEGER PRIMARY KEY,
  small SMALLINT,
  big BIGINT NOT NULL DEFAULT 7,
  name VARCHAR(30),
  code CHAR(8),
  note TEXT,
  flag BOOLEAN NOT NULL DEFAULT 1,
  price NUMERIC(10, 2),
  ratio REAL,
  score FLOAT,
  born DATE,
  at_time TIME,
  created_at DATETIME,
  stamp TIMESTAMP,
  data BLOB,
  doc JSON,
  uid UUID,
  geom POINT
  ,plain_num NUMERIC,
  free VARCHAR,
  count INT,
  wide DOUBLE
);
CREATE TABLE revision (
  doc_id INTEGER NOT NULL,
  rev INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (doc_id, rev)
);
CREATE INDEX ix_revision_lower_body ON revision (lower(body));
CREATE TABLE diff (
  id INTEGER PRIMARY KEY,
  old_doc_id INTEGER NOT NULL,
  old_rev INTEGER NOT NULL,
  new_doc_id INTEGER NOT NULL,
  new_rev INTEGER NOT NULL,
  post_id INTEGER REFERENCES post,
  FOREIGN KEY (old_doc_id, old_rev) REFERENCES revision (doc_id, rev),
  FOREIGN KEY (new_doc_id, new_rev) REFERENCES revision
);
