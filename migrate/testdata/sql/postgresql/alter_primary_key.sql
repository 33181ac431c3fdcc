ALTER TABLE "category" DROP CONSTRAINT "category_pkey", ADD PRIMARY KEY ("id", "title");
