// GET /health/deep — every dependency, with timings: the database (round trip), migrations, the
// pipeline (dirty backlog and the age of its oldest range; "degraded" past 15 minutes), failed job runs
// in the last hour, and whether this process is draining. 503 when the app cannot serve; operators only.
import { pool } from '@/lib/db/client';
import { pendingMigrations } from '@/lib/db/migrate';
import { isDraining } from '@/lib/observability/lifecycle';
import { opsAllowed, opsNotFound } from '@/lib/observability/ops-access';

export const dynamic = 'force-dynamic';

const LAG_DEGRADED_SECONDS = 15 * 60;

export async function GET(req: Request) {
  if (!opsAllowed(req)) return opsNotFound();
  const headers = { 'Cache-Control': 'no-store' };
  const started = performance.now();
  try {
    await pool().query('SELECT 1');
  } catch {
    return Response.json({ status: 'unavailable', checks: { database: { status: 'down' } } }, { status: 503, headers: { ...headers, 'Retry-After': '5' } });
  }
  const databaseMs = Math.round((performance.now() - started) * 10) / 10;
  const pending = await pendingMigrations(pool());
  const { rows } = await pool().query<{ ranges: string; oldest: Date | null; failures: string }>(
    `SELECT (SELECT count(*) FROM dirty_ranges) AS ranges, (SELECT min(marked_at) FROM dirty_ranges) AS oldest,
            (SELECT count(*) FROM job_runs WHERE status = 'FAILED' AND started_at > now() - interval '1 hour') AS failures`,
  );
  const lagSeconds = rows[0]?.oldest ? Math.round((Date.now() - rows[0].oldest.getTime()) / 1000) : 0;
  const pipeline = { status: lagSeconds > LAG_DEGRADED_SECONDS ? 'degraded' : 'ok', dirtyRanges: Number(rows[0]?.ranges ?? 0), lagSeconds, failedRunsLastHour: Number(rows[0]?.failures ?? 0) };
  const draining = isDraining();
  const serving = pending.length === 0 && !draining;
  const status = !serving ? 'unavailable' : pipeline.status === 'degraded' ? 'degraded' : 'ok';
  return Response.json(
    {
      status,
      checks: {
        database: { status: 'up', latencyMs: databaseMs },
        migrations: { status: pending.length === 0 ? 'applied' : 'pending', pending: pending.length },
        pipeline,
        process: { status: draining ? 'draining' : 'serving', uptimeSeconds: Math.round(process.uptime()), rssMb: Math.round(process.memoryUsage().rss / 1048576) },
      },
    },
    { status: serving ? 200 : 503, headers },
  );
}
