SELECT "employees"."employee_id", "employees"."name", "employees"."type", "employees"."engineer_info", "employees"."manager_data" FROM "employees" ORDER BY "employees"."employee_id"
-- args: 

SELECT "employees"."employee_id", "employees"."name", "employees"."type", "employees"."engineer_info" FROM "employees" WHERE "name" = ? AND "employees"."type" IN (?, ?)
-- args: string(Kurt), string(engineer), string(juniorengineer)

SELECT "employees"."employee_id", "employees"."name", "employees"."type", "employees"."manager_data" FROM "employees" WHERE "employees"."type" IN (?) ORDER BY "employees"."name"
-- args: string(manager)

SELECT count(*) FROM "employees" WHERE "employees"."type" IN (?)
-- args: string(juniorengineer)

UPDATE "employees" SET "manager_data" = ? WHERE "name" = ? AND "employees"."type" IN (?)
-- args: string(x), string(Tom), string(manager)

DELETE FROM "employees" WHERE "employees"."name" = ? AND "employees"."type" IN (?, ?)
-- args: string(Kurt), string(engineer), string(juniorengineer)

CREATE TABLE `employees` (`employee_id` integer NOT NULL, `name` varchar(50) NOT NULL, `type` varchar(20) NOT NULL, `engineer_info` varchar(50) NULL, `manager_data` varchar(50) NULL, PRIMARY KEY (`employee_id`));
CREATE INDEX `ix_employees_engineer_info` ON `employees` (`engineer_info`);
