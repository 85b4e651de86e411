DROP INDEX "medication_logs_medication_id_taken_at_idx";
DELETE FROM "medication_logs" WHERE "scheduled_at" IS NULL;
ALTER TABLE "medication_logs" ALTER COLUMN "scheduled_at" SET NOT NULL, DROP COLUMN "reason", DROP COLUMN "source", DROP COLUMN "updated_at";
DROP TABLE "medication_versions";
DROP INDEX "medications_user_id_source_id_key";
UPDATE "medications" SET "schedule" = jsonb_build_object('times', COALESCE("schedule"::jsonb -> 'times', '[]'::jsonb));
ALTER TABLE "medications"
    DROP COLUMN "code_system", DROP COLUMN "code", DROP COLUMN "strength", DROP COLUMN "form", DROP COLUMN "route",
    DROP COLUMN "instructions", DROP COLUMN "prescriber_id", DROP COLUMN "created_by_id", DROP COLUMN "critical",
    DROP COLUMN "version", DROP COLUMN "stopped_at", DROP COLUMN "stopped_by_id", DROP COLUMN "source",
    DROP COLUMN "source_id", DROP COLUMN "updated_at";
