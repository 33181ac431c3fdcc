ALTER TABLE "product" ADD COLUMN "note" text NOT NULL DEFAULT 'none';
