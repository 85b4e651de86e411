-- Medications people can follow (issue 19). A medication is prescribed by a linked doctor or added by the
-- patient; every change is a new version (medication_versions keeps each one whole, encrypted), the row
-- in medications is the current one, and stopping keeps the record. The schedule is JSON, validated by the
-- application (lib/pipeline/medication-schedule.ts): daily times, every N hours, weekdays, or as needed.
-- Scheduled doses are planned in the patient's zone; a dose that passed its window with no log is written
-- as MISSED, so past doses never move when the zone changes. An extra (unscheduled or as-needed) dose has
-- no scheduled_at.

ALTER TABLE "medications"
    ADD COLUMN "code_system" TEXT,
    ADD COLUMN "code" TEXT,
    ADD COLUMN "strength" TEXT,
    ADD COLUMN "form" TEXT,
    ADD COLUMN "route" TEXT,
    ADD COLUMN "instructions" TEXT,
    ADD COLUMN "prescriber_id" UUID,
    ADD COLUMN "created_by_id" UUID,
    ADD COLUMN "critical" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "stopped_at" TIMESTAMPTZ(3),
    ADD COLUMN "stopped_by_id" UUID,
    ADD COLUMN "source" TEXT NOT NULL DEFAULT 'app',
    ADD COLUMN "source_id" TEXT,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Rows from before schedules had kinds held fixed daily times.
UPDATE "medications" SET "schedule" = jsonb_build_object('kind', 'daily', 'times', COALESCE("schedule"::jsonb -> 'times', '[]'::jsonb))
WHERE NOT ("schedule"::jsonb ? 'kind');
-- An imported prescription (FHIR MedicationRequest) arrives once per source identifier.
CREATE UNIQUE INDEX "medications_user_id_source_id_key" ON "medications"("user_id", "source_id");

CREATE TABLE "medication_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "medication_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "changed_by_id" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "medication_versions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "medication_versions_medication_id_version_key" ON "medication_versions"("medication_id", "version");
ALTER TABLE "medication_versions" ADD CONSTRAINT "medication_versions_medication_id_fkey" FOREIGN KEY ("medication_id") REFERENCES "medications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "medication_logs"
    ALTER COLUMN "scheduled_at" DROP NOT NULL,
    ADD COLUMN "reason" TEXT,
    ADD COLUMN "source" TEXT NOT NULL DEFAULT 'app',
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "medication_logs_medication_id_taken_at_idx" ON "medication_logs"("medication_id", "taken_at");
