ALTER TYPE "status" ADD VALUE 'archived';
