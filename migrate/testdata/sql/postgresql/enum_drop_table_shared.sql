DROP TABLE "post";
