CREATE TYPE post_status AS ENUM ('draft', 'published');
CREATE TABLE "user" (
  id SERIAL PRIMARY KEY,
  username VARCHAR(80) NOT NULL UNIQUE,
  password TEXT NOT NULL,
  email VARCHAR(120)
);
CREATE TABLE post (
  id SERIAL PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
  editor_id INTEGER REFERENCES "user" (id),
  created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  title VARCHAR(200) NOT NULL,
  body TEXT NOT NULL,
  status post_status NOT NULL DEFAULT 'draft',
  views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0)
);
CREATE INDEX ix_post_created ON post (created);
CREATE INDEX post_title_idx ON post (title, author_id);
CREATE TABLE tag (
  id SERIAL PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  CONSTRAINT uq_tag_name UNIQUE (name)
);
CREATE TABLE post_tag (
  post_id INTEGER NOT NULL REFERENCES post (id),
  tag_id INTEGER NOT NULL REFERENCES tag (id),
  PRIMARY KEY (post_id, tag_id)
);
CREATE TABLE node (
  id BIGSERIAL PRIMARY KEY,
  parent_id BIGINT REFERENCES node (id),
  name VARCHAR(40) NOT NULL
);
CREATE TABLE membership (
  user_id INTEGER NOT NULL REFERENCES "user" (id),
  tag_id INTEGER NOT NULL REFERENCES tag (id),
  role VARCHAR(20) NOT NULL DEFAULT 'member',
  joined DATE,
  PRIMARY KEY (tag_id, user_id),
  CONSTRAINT membership_user_role UNIQUE (user_id, role)
);
CREATE TABLE sample (
  id SERIAL PRIMARY KEY,
  small SMALLINT,
  big BIGINT NOT NULL DEFAULT 7,
  name VARCHAR(30),
  code CHAR(8),
  note TEXT,
  flag BOOLEAN NOT NULL DEFAULT true,
  price NUMERIC(10,2),
  ratio DOUBLE PRECISION,
  score REAL,
  born DATE,
  at_time TIME,
  created_at TIMESTAMP,
  updated_at TIMESTAMPTZ DEFAULT now(),
  stamp TIMESTAMP(0),
  span INTERVAL,
  data BYTEA,
  doc JSON,
  docb JSONB,
  uid UUID,
  status post_status,
  addr INET
  ,tags TEXT[],
  plain_num NUMERIC,
  free VARCHAR,
  tt TIMETZ,
  tiny SMALLSERIAL
);
