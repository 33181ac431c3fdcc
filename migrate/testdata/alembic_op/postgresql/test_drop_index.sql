-- alembic: DROP INDEX ik_old
DROP INDEX "ik_old";
