SELECT "employees"."employee_id", "employees"."name", "employees"."type", "employees"."engineer_info", "employees"."manager_data" FROM "employees" ORDER BY "employees"."employee_id"
-- args: 

SELECT "employees"."employee_id", "employees"."name", "employees"."type", "employees"."engineer_info" FROM "employees" WHERE "name" = $1 AND "employees"."type" IN ($2, $3)
-- args: string(Kurt), string(engineer), string(juniorengineer)

SELECT "employees"."employee_id", "employees"."name", "employees"."type", "employees"."manager_data" FROM "employees" WHERE "employees"."type" IN ($1) ORDER BY "employees"."name"
-- args: string(manager)

SELECT count(*) FROM "employees" WHERE "employees"."type" IN ($1)
-- args: string(juniorengineer)

UPDATE "employees" SET "manager_data" = $1 WHERE "name" = $2 AND "employees"."type" IN ($3)
-- args: string(x), string(Tom), string(manager)

DELETE FROM "employees" WHERE "employees"."name" = $1 AND "employees"."type" IN ($2, $3)
-- args: string(Kurt), string(engineer), string(juniorengineer)

CREATE TABLE "employees" ("employee_id" bigserial NOT NULL, "name" character varying(50) NOT NULL, "type" character varying(20) NOT NULL, "engineer_info" character varying(50) NULL, "manager_data" character varying(50) NULL, PRIMARY KEY ("employee_id"));
CREATE INDEX "ix_employees_engineer_info" ON "employees" ("engineer_info");
