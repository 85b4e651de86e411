DROP TABLE "imports";
DROP TYPE "ImportStatus";
DROP TYPE "ImportFormat";
