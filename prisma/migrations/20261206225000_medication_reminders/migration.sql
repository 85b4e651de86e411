-- Dose reminders sent (issue 19): one row per patient and due time, so a reminder goes out once per due
-- time (one notification for every medication due then, not one per medication), however often the job runs.
CREATE TABLE "medication_reminders" (
    "user_id" UUID NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "medication_reminders_pkey" PRIMARY KEY ("user_id", "due_at")
);
ALTER TABLE "medication_reminders" ADD CONSTRAINT "medication_reminders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
