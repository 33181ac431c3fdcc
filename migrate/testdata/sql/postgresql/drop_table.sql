DROP TABLE "product";
