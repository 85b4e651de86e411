-- Questionnaires (issue 19): PHQ-4 and GAD-7 answered in the app, scheduled by a doctor. The definitions
-- are data (lib/questionnaires/definitions); a response stores the answers encrypted with the owner's data
-- key and its score, band and subscales in the clear. A correction is a new response superseding the old
-- (the old stays), a retraction stamps retracted_at: the history is never deleted. Who recorded, retracted
-- or scheduled is a plain id (as health_events.recorded_by_id): a deleted account does not erase the history.

CREATE TABLE "questionnaire_responses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "questionnaire" TEXT NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "answers" TEXT NOT NULL,
    "total_score" INTEGER NOT NULL,
    "band" TEXT NOT NULL,
    "subscales" JSONB NOT NULL DEFAULT '{}',
    "answered_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "supersedes_id" UUID,
    "retracted_at" TIMESTAMPTZ(3),
    "retracted_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "questionnaire_responses_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "questionnaire_responses_supersedes_id_key" ON "questionnaire_responses"("supersedes_id");
CREATE INDEX "questionnaire_responses_user_id_questionnaire_answered_at_idx" ON "questionnaire_responses"("user_id", "questionnaire", "answered_at");
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "questionnaire_responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_score_check" CHECK ("total_score" >= 0);

CREATE TABLE "questionnaire_schedules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "questionnaire" TEXT NOT NULL,
    "every_days" INTEGER NOT NULL,
    "next_due_on" DATE NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMPTZ(3),
    CONSTRAINT "questionnaire_schedules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "questionnaire_schedules_every_days_check" CHECK ("every_days" BETWEEN 1 AND 365)
);
CREATE INDEX "questionnaire_schedules_patient_id_idx" ON "questionnaire_schedules"("patient_id");
ALTER TABLE "questionnaire_schedules" ADD CONSTRAINT "questionnaire_schedules_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
