-- alembic: DROP TABLE user_table
DROP TABLE "user_table";
