CREATE UNIQUE INDEX "uq_category_title" ON "category" ("title");
