CREATE TYPE "status" AS ENUM ('draft', 'live', 'it''s');
CREATE TABLE "all_types" ("id" bigserial NOT NULL, "i" integer NOT NULL, "i32" integer NOT NULL, "i16" smallint NOT NULL, "flag" boolean NOT NULL, "f" double precision NOT NULL, "s" character varying(30) NOT NULL, "unsized" character varying NOT NULL, "txt" text NOT NULL, "num" numeric(40,10) NOT NULL, "day" date NOT NULL, "at" timestamp NOT NULL, "at_tz" timestamptz NOT NULL, "clock" time NOT NULL, "span" interval NOT NULL, "blob" bytea NOT NULL, "doc" json NOT NULL, "key" uuid NOT NULL, "state" "status" NOT NULL, "citext" text NOT NULL, "maybe" character varying(10) NULL, PRIMARY KEY ("id"));
-- drop
DROP TABLE "all_types";
DROP TYPE "status";
