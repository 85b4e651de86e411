// Every maintenance run leaves one row in retention_runs: RUNNING first, so a crashed run is visible to
// the admin, then SUCCEEDED or FAILED with the rows touched per table and the error text.
import { prisma } from '../db/client';
import type { RunKind } from '../generated/prisma/enums';

export type RunCounts = Record<string, number>;
export type RunResult = { runId: string; counts: RunCounts };

const MAX_ERROR_LENGTH = 2000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/**
 * Runs `work` as one recorded run. `work` fills `counts` as it goes, so a failure still records what
 * was done before it. The error is rethrown after recording: the job runner decides about retries.
 */
export async function recordRun(kind: RunKind, work: (counts: RunCounts) => Promise<void>): Promise<RunResult> {
  const run = await prisma.retentionRun.create({ data: { kind }, select: { id: true } });
  const counts: RunCounts = {};
  try {
    await work(counts);
  } catch (error) {
    await prisma.retentionRun
      .update({ where: { id: run.id }, data: { status: 'FAILED', counts, error: errorText(error), finishedAt: new Date() } })
      // The original error matters more than a failure to record it.
      .catch(() => undefined);
    throw error;
  }
  await prisma.retentionRun.update({ where: { id: run.id }, data: { status: 'SUCCEEDED', counts, finishedAt: new Date() } });
  return { runId: run.id, counts };
}
