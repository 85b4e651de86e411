-- Medication alerts (issue 19). Dose reminders sent: one row per patient and due time, so a reminder goes
-- out once per due time (one notification for every medication due then, not one per medication), however
-- often the job runs. MISSED_MEDICATION: the emergency raised when planned doses of a medication the doctor
-- marked critical were missed twice in a row; medication_id names that medication.
CREATE TABLE "medication_reminders" (
    "user_id" UUID NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "medication_reminders_pkey" PRIMARY KEY ("user_id", "due_at")
);
ALTER TABLE "medication_reminders" ADD CONSTRAINT "medication_reminders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TYPE "EmergencyKind" ADD VALUE 'MISSED_MEDICATION';
ALTER TABLE "emergency_events" ADD COLUMN "medication_id" UUID;
CREATE INDEX "emergency_events_medication_id_idx" ON "emergency_events"("medication_id");
