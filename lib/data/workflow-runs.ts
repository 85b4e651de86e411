// The durable state of in-process workflow runs (table workflow_runs; the engine is
// lib/jobs/workflow-engine.ts). Every time comes from the engine's clock, so tests control it. A run is
// claimed with FOR UPDATE SKIP LOCKED and a claim token that expires: writes of an executing run carry
// its token, so an instance whose claim lapsed (it crashed or stalled, another took over) changes nothing.
import { prisma } from '../db/client';
import type { WorkflowStatus } from '../generated/prisma/client';

export type ClaimedRun = {
  id: string;
  functionId: string;
  eventData: Record<string, unknown>;
  status: WorkflowStatus;
  steps: Record<string, unknown>;
  currentStep: string | null;
  wakeAt: Date | null;
  attempts: number;
  claimToken: string;
};

export type RunUpdate =
  | { status: 'SLEEPING' | 'RUNNING'; step: string | null; wakeAt: Date; attempts?: number; error?: string }
  | { status: 'WAITING'; step: string; wakeAt: Date; wait: { event: string; field: string; value: string } }
  | { status: 'COMPLETED'; result: unknown }
  | { status: 'FAILED'; step: string | null; attempts: number; error: string };

const json = (value: unknown) => JSON.stringify(value ?? null);

/** One run per (workflow, key), ever: a second event for the same key starts nothing. Returns how many started. */
export async function startWorkflowRuns(runs: { functionId: string; key: string; data: object }[], now: Date): Promise<number> {
  let started = 0;
  for (const run of runs) {
    started += await prisma.$executeRaw`
      INSERT INTO workflow_runs (function_id, idempotency_key, event_data, status, wake_at, created_at, updated_at)
      VALUES (${run.functionId}, ${run.key}, ${json(run.data)}::jsonb, 'RUNNING', ${now}, ${now}, ${now})
      ON CONFLICT (function_id, idempotency_key) DO NOTHING`;
  }
  return started;
}

/**
 * Hands an event to the runs waiting for it (same event name, the awaited field equal): the event's data
 * becomes the wait step's result and the run is due now. A wait already past its timeout, or claimed
 * (being resumed at its timeout), is left alone: it has timed out. Returns how many runs it woke.
 */
export async function deliverWorkflowEvent(event: { name: string; data: object }, now: Date): Promise<number> {
  return prisma.$executeRaw`
    UPDATE workflow_runs
    SET steps = steps || jsonb_build_object(current_step, ${json(event.data)}::jsonb),
        status = 'RUNNING', wake_at = ${now}, wait_event = NULL, wait_field = NULL, wait_value = NULL, updated_at = ${now}
    WHERE status = 'WAITING' AND wait_event = ${event.name} AND wake_at > ${now}
      AND (claimed_until IS NULL OR claimed_until <= ${now})
      AND (${json(event.data)}::jsonb ->> wait_field) = wait_value`;
}

/** Claims up to `limit` due runs of these workflows (an expired claim counts as none) until now + claimMs. */
export async function claimDueWorkflowRuns(args: { functionIds: string[]; now: Date; claimMs: number; limit: number }): Promise<ClaimedRun[]> {
  if (args.functionIds.length === 0) return [];
  const until = new Date(args.now.getTime() + args.claimMs);
  const rows = await prisma.$queryRaw<
    { id: string; function_id: string; event_data: Record<string, unknown>; status: WorkflowStatus; steps: Record<string, unknown>; current_step: string | null; wake_at: Date | null; attempts: number; claim_token: string }[]
  >`
    UPDATE workflow_runs SET claim_token = gen_random_uuid(), claimed_until = ${until}
    WHERE id IN (
      SELECT id FROM workflow_runs
      WHERE status IN ('RUNNING', 'SLEEPING', 'WAITING') AND wake_at <= ${args.now}
        AND function_id = ANY(${args.functionIds}::text[])
        AND (claimed_until IS NULL OR claimed_until <= ${args.now})
      ORDER BY wake_at LIMIT ${args.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, function_id, event_data, status, steps, current_step, wake_at, attempts, claim_token::text`;
  return rows.map((r) => ({
    id: r.id,
    functionId: r.function_id,
    eventData: r.event_data,
    status: r.status,
    steps: r.steps,
    currentStep: r.current_step,
    wakeAt: r.wake_at,
    attempts: r.attempts,
    claimToken: r.claim_token,
  }));
}

/**
 * Stores a finished step's result (the first stored result wins) and extends the claim. Returns the
 * stored result, or null when the claim was lost (the caller must stop).
 */
export async function saveWorkflowStep(
  run: { id: string; claimToken: string },
  step: { id: string; value: unknown },
  args: { now: Date; claimMs: number },
): Promise<{ value: unknown } | null> {
  const rows = await prisma.$queryRaw<{ value: unknown }[]>`
    UPDATE workflow_runs
    SET steps = CASE WHEN steps ? ${step.id} THEN steps ELSE steps || jsonb_build_object(${step.id}::text, ${json(step.value)}::jsonb) END,
        current_step = ${step.id}, attempts = 0, last_error = NULL,
        claimed_until = ${new Date(args.now.getTime() + args.claimMs)}, updated_at = ${args.now}
    WHERE id = ${run.id}::uuid AND claim_token = ${run.claimToken}::uuid
    RETURNING steps -> ${step.id} AS value`;
  return rows.length === 0 ? null : { value: rows[0]!.value };
}

/** Ends an execution: the run sleeps, waits, is due again (a retry), or is over; the claim is released. */
export async function updateWorkflowRun(run: { id: string; claimToken: string }, update: RunUpdate, now: Date): Promise<boolean> {
  const over = update.status === 'COMPLETED' || update.status === 'FAILED';
  const wait = update.status === 'WAITING' ? update.wait : null;
  const step = update.status === 'COMPLETED' ? null : update.step; // null: stays the last step reached
  const changed = await prisma.$executeRaw`
    UPDATE workflow_runs
    SET status = ${update.status}::"WorkflowStatus",
        current_step = COALESCE(${step}::text, current_step),
        wake_at = ${'wakeAt' in update ? update.wakeAt : null},
        wait_event = ${wait?.event ?? null}, wait_field = ${wait?.field ?? null}, wait_value = ${wait?.value ?? null},
        attempts = ${'attempts' in update && update.attempts !== undefined ? update.attempts : 0},
        last_error = ${'error' in update ? (update.error ?? null) : null},
        result = ${update.status === 'COMPLETED' ? json(update.result) : null}::jsonb,
        finished_at = ${over ? now : null}, updated_at = ${now},
        claim_token = NULL, claimed_until = NULL
    WHERE id = ${run.id}::uuid AND claim_token = ${run.claimToken}::uuid`;
  return changed === 1;
}

/** Cancels a run that is not over yet (it will execute no further step). */
export async function cancelWorkflowRun(args: { functionId: string; key: string; now: Date }): Promise<boolean> {
  const changed = await prisma.$executeRaw`
    UPDATE workflow_runs SET status = 'CANCELLED', finished_at = ${args.now}, updated_at = ${args.now},
      wake_at = NULL, wait_event = NULL, wait_field = NULL, wait_value = NULL, claim_token = NULL, claimed_until = NULL
    WHERE function_id = ${args.functionId} AND idempotency_key = ${args.key} AND status IN ('RUNNING', 'SLEEPING', 'WAITING')`;
  return changed === 1;
}

export type WorkflowRunSummary = {
  id: string;
  functionId: string;
  status: WorkflowStatus;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  /** Sleeping until, waiting until (the timeout), or retrying at. */
  wakeAt: Date | null;
  waitingFor: string | null;
  lastStep: string | null;
  attempts: number;
  error: string | null;
};

/** For the admin's pipeline status: runs not over yet first (soonest due first), then the latest others. Ids and step names only. */
export async function listWorkflowRuns(limit = 50): Promise<{ counts: Partial<Record<WorkflowStatus, number>>; runs: WorkflowRunSummary[] }> {
  const [grouped, runs] = await Promise.all([
    prisma.workflowRun.groupBy({ by: ['status'], _count: { _all: true } }),
    prisma.$queryRaw<WorkflowRunSummary[]>`
      SELECT id, function_id AS "functionId", status, created_at AS "startedAt", updated_at AS "updatedAt", finished_at AS "finishedAt",
             wake_at AS "wakeAt", wait_event AS "waitingFor", current_step AS "lastStep", attempts, last_error AS error
      FROM workflow_runs
      ORDER BY (status IN ('RUNNING', 'SLEEPING', 'WAITING')) DESC,
               CASE WHEN status IN ('RUNNING', 'SLEEPING', 'WAITING') THEN wake_at END ASC,
               updated_at DESC
      LIMIT ${limit}`,
  ]);
  return { counts: Object.fromEntries(grouped.map((g) => [g.status, g._count._all])), runs };
}
