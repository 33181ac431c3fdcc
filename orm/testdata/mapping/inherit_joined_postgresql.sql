SELECT "people"."person_id", "people"."name", "people"."type", "engineers"."status", "engineers"."primary_language", "managers"."manager_name", "boss"."golf_swing" FROM "people" LEFT OUTER JOIN "engineers" ON "people"."person_id" = "engineers"."person_id" LEFT OUTER JOIN "managers" ON "people"."person_id" = "managers"."person_id" LEFT OUTER JOIN "boss" ON "people"."person_id" = "boss"."person_id" ORDER BY "people"."person_id"
-- args: 

SELECT "managers"."person_id", "managers"."name", "managers"."type", "managers"."manager_name", "boss"."golf_swing" FROM (SELECT "people"."person_id", "people"."name", "people"."type", "managers"."manager_name" FROM "people" JOIN "managers" ON "people"."person_id" = "managers"."person_id") AS "managers" LEFT OUTER JOIN "boss" ON "managers"."person_id" = "boss"."person_id" WHERE "name" = $1
-- args: string(x)

SELECT "boss"."person_id", "boss"."name", "boss"."type", "boss"."manager_name", "boss"."golf_swing" FROM (SELECT "people"."person_id", "people"."name", "people"."type", "managers"."manager_name", "boss"."golf_swing" FROM "people" JOIN "managers" ON "people"."person_id" = "managers"."person_id" JOIN "boss" ON "people"."person_id" = "boss"."person_id") AS "boss" ORDER BY "boss"."golf_swing"
-- args: 

SELECT count(*) FROM (SELECT "people"."person_id", "people"."name", "people"."type", "engineers"."status", "engineers"."primary_language" FROM "people" JOIN "engineers" ON "people"."person_id" = "engineers"."person_id") AS "engineers" WHERE "engineers"."primary_language" = $1
-- args: string(go)

CREATE TABLE "people" ("person_id" bigserial NOT NULL, "name" character varying(50) NOT NULL, "type" character varying(30) NOT NULL, PRIMARY KEY ("person_id"));
CREATE TABLE "managers" ("person_id" bigint NOT NULL, "manager_name" character varying(50) NOT NULL, PRIMARY KEY ("person_id"), CONSTRAINT "fk_managers_person_id_people" FOREIGN KEY ("person_id") REFERENCES "people" ("person_id"));
CREATE TABLE "boss" ("person_id" bigint NOT NULL, "golf_swing" character varying(30) NOT NULL, PRIMARY KEY ("person_id"), CONSTRAINT "fk_boss_person_id_managers" FOREIGN KEY ("person_id") REFERENCES "managers" ("person_id"));
CREATE TABLE "engineers" ("person_id" bigint NOT NULL, "status" character varying(30) NOT NULL, "primary_language" character varying(50) NOT NULL, PRIMARY KEY ("person_id"), CONSTRAINT "fk_engineers_person_id_people" FOREIGN KEY ("person_id") REFERENCES "people" ("person_id"));
