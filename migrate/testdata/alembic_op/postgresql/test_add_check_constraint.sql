-- alembic: ALTER TABLE user_table ADD CONSTRAINT ck_user_name_len CHECK (len(name) > 5)
ALTER TABLE "user_table" ADD CONSTRAINT "ck_user_name_len" CHECK (len(name) > 5);
