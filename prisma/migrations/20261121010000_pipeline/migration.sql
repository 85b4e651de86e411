-- Pipeline bookkeeping: background function runs (for the admin's pipeline status), the archive of cold
-- months, and each doctor's alert delivery per patient.

CREATE TABLE "job_runs" (
    "id" BIGSERIAL NOT NULL,
    "function_id" TEXT NOT NULL,
    "user_id" UUID,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "mode" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "result" JSONB,
    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "job_runs_function_id_started_at_idx" ON "job_runs"("function_id", "started_at");

CREATE TABLE "archives" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "location" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restored_at" TIMESTAMPTZ(3),
    CONSTRAINT "archives_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "archives_user_id_month_key" ON "archives"("user_id", "month");

ALTER TABLE "care_relationships" ADD COLUMN "alert_delivery" "AlertDelivery" NOT NULL DEFAULT 'IMMEDIATE';
