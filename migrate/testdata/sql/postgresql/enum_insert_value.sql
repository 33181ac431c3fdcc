ALTER TYPE "status" ADD VALUE 'new' BEFORE 'draft';
ALTER TYPE "status" ADD VALUE 'review' AFTER 'draft';
