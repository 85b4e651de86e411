-- Dead letters (/admin/pipeline): a background run that failed after its last retry is listed until an
-- admin retries it or discards it. The row stays, for the audit trail; these columns say what was done.
-- job_runs.event_data is the triggering event's payload (ids only, never health values), so a retry
-- sends the same event; rows recorded before it have none.
ALTER TABLE "job_runs" ADD COLUMN "event_data" JSONB;
ALTER TABLE "job_runs" ADD COLUMN "retried_at" TIMESTAMPTZ(3);
ALTER TABLE "job_runs" ADD COLUMN "discarded_at" TIMESTAMPTZ(3);
ALTER TABLE "workflow_runs" ADD COLUMN "discarded_at" TIMESTAMPTZ(3);
