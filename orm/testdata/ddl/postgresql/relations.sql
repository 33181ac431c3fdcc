CREATE TYPE "status" AS ENUM ('draft', 'live', 'it''s');
CREATE TABLE "owner" ("id" bigserial NOT NULL, "email" character varying(200) NOT NULL, "name" character varying(50) NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "uq_owner_email" ON "owner" ("email");
COMMENT ON COLUMN "owner"."name" IS 'display name';
CREATE TABLE "product" ("id" serial NOT NULL, "name" character varying(100) NOT NULL, "price" numeric(12,2) NOT NULL DEFAULT 0, "owner_id" bigint NULL, "status" "status" NOT NULL DEFAULT 'draft', "tags" json NOT NULL, "created" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP, "note" text NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_product_owner_id_owner" FOREIGN KEY ("owner_id") REFERENCES "owner" ("id") ON DELETE SET NULL, CONSTRAINT "ck_product_price" CHECK (price >= 0));
CREATE INDEX "ix_product_name" ON "product" ("name");
CREATE TABLE "membership" ("owner_id" bigint NOT NULL, "product_id" integer NOT NULL, "role" character varying(20) NOT NULL, PRIMARY KEY ("owner_id", "product_id"), CONSTRAINT "fk_membership_owner_id_owner" FOREIGN KEY ("owner_id") REFERENCES "owner" ("id") ON DELETE CASCADE, CONSTRAINT "fk_membership_product_id_product" FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE CASCADE, CONSTRAINT "ck_membership_role_not_empty" CHECK (role <> ''));
CREATE INDEX "ix_membership_role" ON "membership" ("role", "product_id");
COMMENT ON TABLE "membership" IS 'who may edit what';
-- drop
DROP TABLE "membership";
DROP TABLE "product";
DROP TABLE "owner";
DROP TYPE "status";
