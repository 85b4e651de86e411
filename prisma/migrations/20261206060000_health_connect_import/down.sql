-- PostgreSQL cannot drop an enum value: the type is rebuilt without it (its imports are removed first).
DELETE FROM "imports" WHERE "format" = 'HEALTH_CONNECT';
ALTER TYPE "ImportFormat" RENAME TO "ImportFormat_old";
CREATE TYPE "ImportFormat" AS ENUM ('APPLE_HEALTH', 'FHIR', 'OPENMHEALTH');
ALTER TABLE "imports" ALTER COLUMN "format" TYPE "ImportFormat" USING "format"::text::"ImportFormat";
DROP TYPE "ImportFormat_old";
