-- Durable workflows of the in-process runner (lib/jobs/workflow-engine.ts): one row per run, keyed by its
-- workflow and idempotency key (one run per emergency), holding the triggering event's ids, the memoized
-- result of each finished step, when it is due next (a sleep's end, a wait's timeout, a retry), what
-- event it waits for, and who has claimed it until when (a crashed instance's claim lapses). Step results
-- and event data carry ids and times only, never health values.
CREATE TYPE "WorkflowStatus" AS ENUM ('RUNNING', 'SLEEPING', 'WAITING', 'COMPLETED', 'FAILED', 'CANCELLED');

CREATE TABLE "workflow_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "function_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "event_data" JSONB NOT NULL,
    "status" "WorkflowStatus" NOT NULL DEFAULT 'RUNNING',
    "steps" JSONB NOT NULL DEFAULT '{}',
    "current_step" TEXT,
    "wake_at" TIMESTAMPTZ(3),
    "wait_event" TEXT,
    "wait_field" TEXT,
    "wait_value" TEXT,
    "claim_token" UUID,
    "claimed_until" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "workflow_runs_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "workflow_runs_function_id_idempotency_key_key" ON "workflow_runs"("function_id", "idempotency_key");
CREATE INDEX "workflow_runs_status_wake_at_idx" ON "workflow_runs"("status", "wake_at");
CREATE INDEX "workflow_runs_wait_event_wait_value_idx" ON "workflow_runs"("wait_event", "wait_value");
CREATE INDEX "workflow_runs_created_at_idx" ON "workflow_runs"("created_at");
