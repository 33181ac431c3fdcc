BEGIN [];
INSERT INTO "employees" ("name", "type", "manager_data") VALUES ($1, $2, $3) RETURNING "employee_id" [Tom manager data1];
INSERT INTO "employees" ("name", "type", "engineer_info") VALUES ($1, $2, $3) RETURNING "employee_id" [Ed juniorengineer data4];
UPDATE "employees" SET "manager_data" = $1 WHERE "employee_id" = $2 [data2 1];
DELETE FROM "employees" WHERE "employee_id" = $1 [2];
COMMIT [];
