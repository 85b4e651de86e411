// Throughput of the real aggregate step: recomputeDirtyRanges over a user's whole history, marked
// dirty before every run (markHistoryDirty, not timed). The first, untimed run clears the ranges left
// by ingest and warms the JIT and the connection pool, so the timed runs all do the same work.
import { pool } from '../../lib/db/client';
import { markHistoryDirty, recomputeDirtyRanges } from '../../lib/data/aggregation/recompute-user';
import { median } from './stats';

export type PipelineRuns = { warmUpMs: number; runsMs: number[]; medianMs: number; rows: number };

async function timedRun(userId: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const result = await recomputeDirtyRanges(userId);
  const ms = performance.now() - started;
  if (result.ranges === 0) throw new Error('nothing was dirty: the run measured no work');
  return { ms, rows: result.rows };
}

export async function measurePipeline(userId: string, runs: number): Promise<PipelineRuns> {
  const warmUp = await timedRun(userId);
  const runsMs: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i += 1) {
    await markHistoryDirty(userId);
    const run = await timedRun(userId);
    runsMs.push(run.ms);
    rows = run.rows;
  }
  const { rows: left } = await pool().query<{ n: string }>('SELECT count(*)::text AS n FROM dirty_ranges WHERE user_id = $1', [userId]);
  if (left[0]?.n !== '0') throw new Error(`dirty ranges left after the runs: ${left[0]?.n}`);
  return { warmUpMs: warmUp.ms, runsMs, medianMs: median(runsMs), rows };
}

/** Daily totals of one type as the pipeline stored them: local day → value. */
export async function dailyTotals(userId: string, type: string): Promise<Map<string, number>> {
  const { rows } = await pool().query<{ day: string; value: number }>(
    `SELECT to_char(period_start, 'YYYY-MM-DD') AS day, value FROM health_aggregates
     WHERE user_id = $1 AND type = $2::"HealthType" AND period = 'DAY' ORDER BY period_start`,
    [userId, type],
  );
  return new Map(rows.map((r) => [r.day, r.value]));
}
