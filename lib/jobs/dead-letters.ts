// Dead letters: background runs that failed after their last retry, for the admin's pipeline page. A job
// run is one when its FAILED attempt is the function's last (retries + 1: the in-process runner's final
// attempt, or Inngest's onFailure record); a workflow run when it is FAILED (the engine fails a run only
// after its step's retries). An admin retries one (a job: the same event is sent again; a workflow: the
// run resumes at its failed step, the finished steps keeping their results) or discards it. Either way
// the row stays, marked (retried_at / discarded_at), for the audit trail, and leaves the list.
import { prisma } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import { ALL_JOBS, ALL_WORKFLOWS } from './all';
import { EVENTS, type PipelineEvent } from './events';
import type { AnyJob } from './types';

export const DEAD_LETTER_KINDS = ['job', 'workflow'] as const;
export type DeadLetterKind = (typeof DEAD_LETTER_KINDS)[number];

export type DeadLetter = {
  kind: DeadLetterKind;
  id: string;
  functionId: string;
  /** Whose work it was (a job's user, a workflow's patient), when the event names one. */
  userId: string | null;
  attempts: number;
  /** The workflow step that failed. */
  step: string | null;
  error: string | null;
  failedAt: Date;
  /** False for a job run recorded before event payloads were kept whose payload is more than a user id. */
  retryable: boolean;
};

const jobsById = new Map<string, AnyJob>(ALL_JOBS.map((j) => [j.id, j]));
const workflowIds = ALL_WORKFLOWS.map((w) => w.id);

/** The event a job run had: its stored payload, or (older rows) the one its user id alone makes, when that is the whole payload. */
function eventOf(job: AnyJob, row: { eventData: unknown; userId: string | null }): PipelineEvent | null {
  const schema = EVENTS[job.trigger].schema;
  const candidate = row.eventData ?? (Object.keys(schema.shape).every((k) => k === 'userId') ? (row.userId ? { userId: row.userId } : {}) : null);
  if (candidate === null) return null;
  const parsed = schema.safeParse(candidate);
  return parsed.success ? ({ key: job.trigger, data: parsed.data } as PipelineEvent) : null;
}

/** The newest dead letters first, jobs and workflows together. Ids, step names and error texts only. */
export async function listDeadLetters(limit = 50): Promise<{ entries: DeadLetter[] }> {
  const ids = [...jobsById.keys()];
  const lastAttempts = ids.map((id) => jobsById.get(id)!.retries + 1);
  const [jobs, workflows] = await Promise.all([
    prisma.$queryRaw<{ id: bigint; function_id: string; user_id: string | null; attempt: number; error: string | null; failed_at: Date; event_data: unknown }[]>`
      SELECT r.id, r.function_id, r.user_id, r.attempt, r.error, COALESCE(r.finished_at, r.started_at) AS failed_at, r.event_data
      FROM job_runs r JOIN unnest(${ids}::text[], ${lastAttempts}::int[]) AS f(id, last_attempt) ON f.id = r.function_id
      WHERE r.status = 'FAILED' AND r.attempt >= f.last_attempt AND r.retried_at IS NULL AND r.discarded_at IS NULL
      ORDER BY r.started_at DESC LIMIT ${limit}`,
    prisma.workflowRun.findMany({
      where: { status: 'FAILED', discardedAt: null, functionId: { in: workflowIds } },
      orderBy: { updatedAt: 'desc' },
      take: limit,
      select: { id: true, functionId: true, eventData: true, attempts: true, currentStep: true, lastError: true, finishedAt: true, updatedAt: true },
    }),
  ]);
  const entries: DeadLetter[] = [
    ...jobs.map((r) => ({
      kind: 'job' as const,
      id: r.id.toString(),
      functionId: r.function_id,
      userId: r.user_id,
      attempts: r.attempt,
      step: null,
      error: r.error,
      failedAt: r.failed_at,
      retryable: eventOf(jobsById.get(r.function_id)!, { eventData: r.event_data, userId: r.user_id }) !== null,
    })),
    ...workflows.map((w) => {
      const data = (w.eventData ?? {}) as { userId?: unknown; patientId?: unknown };
      const userId = typeof data.userId === 'string' ? data.userId : typeof data.patientId === 'string' ? data.patientId : null;
      return { kind: 'workflow' as const, id: w.id, functionId: w.functionId, userId, attempts: w.attempts, step: w.currentStep, error: w.lastError, failedAt: w.finishedAt ?? w.updatedAt, retryable: true };
    }),
  ];
  entries.sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime());
  return { entries: entries.slice(0, limit) };
}

const JOB_RUN_ID = /^[1-9]\d{0,18}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const conflict = (message: string) => new ApiError('CONFLICT', message);

/** A job run that is a dead letter (404 otherwise; 409 when an admin already handled it). */
async function deadJobRun(id: string) {
  if (!JOB_RUN_ID.test(id)) throw notFound('dead letter');
  const row = await prisma.jobRun.findUnique({ where: { id: BigInt(id) } });
  const job = row ? jobsById.get(row.functionId) : undefined;
  if (!row || !job || row.status !== 'FAILED' || row.attempt < job.retries + 1) throw notFound('dead letter');
  if (row.retriedAt) throw conflict('this run was retried already');
  if (row.discardedAt) throw conflict('this run was discarded');
  return { row, job };
}

async function deadWorkflowRun(id: string) {
  if (!UUID.test(id)) throw notFound('dead letter');
  const run = await prisma.workflowRun.findUnique({ where: { id }, select: { status: true, functionId: true, discardedAt: true } });
  if (!run || run.status !== 'FAILED' || !workflowIds.includes(run.functionId)) throw notFound('dead letter');
  if (run.discardedAt) throw conflict('this run was discarded');
  return run;
}

/**
 * Retries a dead letter. A job run is marked retried and its event is returned for the caller to send
 * (the function runs again, with its retries); a workflow run is due again at once, resuming at its failed
 * step with its attempts reset (the caller wakes the engine). Exactly one of two concurrent retries wins.
 */
export async function retryDeadLetter(kind: DeadLetterKind, id: string, now = new Date()): Promise<{ kind: DeadLetterKind; id: string; functionId: string; event: PipelineEvent | null }> {
  if (kind === 'job') {
    const { row, job } = await deadJobRun(id);
    const event = eventOf(job, row);
    if (!event) throw conflict('this run was recorded without its event; start the function again from its row above');
    const { count } = await prisma.jobRun.updateMany({ where: { id: row.id, retriedAt: null, discardedAt: null }, data: { retriedAt: now } });
    if (count === 0) throw conflict('this run was handled already');
    return { kind, id, functionId: row.functionId, event };
  }
  const run = await deadWorkflowRun(id);
  const { count } = await prisma.workflowRun.updateMany({
    where: { id, status: 'FAILED', discardedAt: null },
    data: { status: 'RUNNING', wakeAt: now, attempts: 0, lastError: null, finishedAt: null, claimToken: null, claimedUntil: null, updatedAt: now },
  });
  if (count === 0) throw conflict('this run was handled already');
  return { kind, id, functionId: run.functionId, event: null };
}

/** Discards a dead letter: it stays (FAILED, discarded_at set) for the audit trail and leaves the list. */
export async function discardDeadLetter(kind: DeadLetterKind, id: string, now = new Date()): Promise<{ kind: DeadLetterKind; id: string; functionId: string }> {
  if (kind === 'job') {
    const { row } = await deadJobRun(id);
    const { count } = await prisma.jobRun.updateMany({ where: { id: row.id, retriedAt: null, discardedAt: null }, data: { discardedAt: now } });
    if (count === 0) throw conflict('this run was handled already');
    return { kind, id, functionId: row.functionId };
  }
  const run = await deadWorkflowRun(id);
  const { count } = await prisma.workflowRun.updateMany({ where: { id, status: 'FAILED', discardedAt: null }, data: { discardedAt: now } });
  if (count === 0) throw conflict('this run was handled already');
  return { kind, id, functionId: run.functionId };
}
