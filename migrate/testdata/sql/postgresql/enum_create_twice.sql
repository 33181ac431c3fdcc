CREATE TYPE "status" AS ENUM ('draft', 'published');
CREATE TABLE "post" ("id" serial NOT NULL, "status" "status" NULL, PRIMARY KEY ("id"));
CREATE TABLE "page" ("id" serial NOT NULL, "status" "status" NULL, PRIMARY KEY ("id"));
