ALTER TABLE "workflow_runs" DROP COLUMN "discarded_at";
ALTER TABLE "job_runs" DROP COLUMN "discarded_at";
ALTER TABLE "job_runs" DROP COLUMN "retried_at";
ALTER TABLE "job_runs" DROP COLUMN "event_data";
