// The admin's view of the pipeline: the dirty backlog, the last run and recent failures of each
// function, the retention/archive runs, and the durable workflow runs (in-process mode; under Inngest
// they are in its dashboard).
import { prisma } from '../db/client';
import { env } from '../env';
import { listWorkflowRuns } from './workflow-runs';

export async function pipelineStatus() {
  const [backlog] = await prisma.$queryRaw<{ ranges: bigint; users: bigint; oldest: Date | null }[]>`
    SELECT count(*) AS ranges, count(DISTINCT user_id) AS users, min(marked_at) AS oldest FROM dirty_ranges`;
  const lastRuns = await prisma.$queryRaw<{ function_id: string; status: string; started_at: Date; finished_at: Date | null; error: string | null; mode: string }[]>`
    SELECT DISTINCT ON (function_id) function_id, status, started_at, finished_at, error, mode
    FROM job_runs ORDER BY function_id, started_at DESC`;
  const failures = await prisma.jobRun.findMany({
    where: { status: 'FAILED' },
    orderBy: { startedAt: 'desc' },
    take: 20,
    select: { id: true, functionId: true, userId: true, attempt: true, startedAt: true, error: true, mode: true },
  });
  const maintenance = await prisma.retentionRun.findMany({ orderBy: { startedAt: 'desc' }, take: 20 });
  const workflows = { mode: env().inngestMode === 'server' ? ('inngest' as const) : ('in-process' as const), ...(await listWorkflowRuns()) };
  return {
    backlog: { ranges: Number(backlog?.ranges ?? 0), users: Number(backlog?.users ?? 0), oldestMarkedAt: backlog?.oldest ?? null },
    lastRuns,
    failures: failures.map((f) => ({ ...f, id: f.id.toString() })),
    maintenance,
    workflows,
  };
}
