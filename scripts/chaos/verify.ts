// The invariants the chaos runs check against the database: every sample the devices enqueued (their
// queues drained) stored exactly once, and nothing stored that was never enqueued; the pipeline drained;
// and the aggregates it left equal to a full recompute from the raw samples by the pipeline's own function.
import type pg from 'pg';
import type { DeviceRun } from './devices';

/** Violations of "stored exactly once" for each device's enqueued samples. */
export async function checkExactlyOnce(db: pg.Pool, devices: DeviceRun[]): Promise<string[]> {
  const violations: string[] = [];
  for (const device of devices) {
    const { rows } = await db.query<{ id: string; n: number }>(
      `SELECT client_record_id AS id, count(*)::int AS n FROM health_samples WHERE device_id = $1 AND client_record_id IS NOT NULL GROUP BY 1`,
      [device.id],
    );
    const stored = new Map(rows.map((r) => [r.id, r.n]));
    const expected = new Set(device.recordIds);
    for (const id of expected) {
      const n = stored.get(id) ?? 0;
      if (n !== 1) violations.push(`device ${device.id}: enqueued sample ${id} stored ${n} times`);
    }
    for (const id of stored.keys()) if (!expected.has(id)) violations.push(`device ${device.id}: sample ${id} stored but never enqueued`);
    const intervals = await db.query<{ n: number; dup: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE c > 1)::int AS dup FROM (
         SELECT count(*) AS c FROM health_samples WHERE device_id = $1 AND client_record_id IS NULL GROUP BY type, start_at, end_at) g`,
      [device.id],
    );
    const { n, dup } = intervals.rows[0]!;
    if (n !== device.intervals || dup !== 0) violations.push(`device ${device.id}: ${n} step intervals stored (${dup} twice) for ${device.intervals} enqueued`);
  }
  return violations;
}

/** Waits until no dirty ranges are left (the restarted server's sweep and post-sync runs drain them). */
export async function waitDrained(db: pg.Pool, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM dirty_ranges');
    if (rows[0]!.n === 0) return null;
    if (Date.now() > deadline) return `pipeline not drained after ${timeoutMs / 1000} s: ${rows[0]!.n} dirty ranges left`;
    await new Promise((r) => setTimeout(r, 500));
  }
}

type AggRow = { key: string; value: number; min: number | null; max: number | null; count: number; sum: number; sources: Record<string, number> };

async function snapshot(db: pg.Pool, userIds: string[]): Promise<Map<string, AggRow>> {
  const { rows } = await db.query<{ key: string; value: number; min: number | null; max: number | null; count: number; sum: number; sources: Record<string, number> }>(
    `SELECT user_id || ' ' || type || ' ' || period || ' ' || to_char(period_start, 'YYYY-MM-DD"T"HH24') AS key, value, min, max, count, sum, sources
     FROM health_aggregates WHERE user_id = ANY($1::uuid[])`,
    [userIds],
  );
  return new Map(rows.map((r) => [r.key, r]));
}

const close = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

function sameRow(a: AggRow, b: AggRow): boolean {
  const keys = new Set([...Object.keys(a.sources), ...Object.keys(b.sources)]);
  return (
    close(a.value, b.value) && close(a.min, b.min) && close(a.max, b.max) && a.count === b.count && close(a.sum, b.sum) &&
    [...keys].every((k) => close(a.sources[k] ?? null, b.sources[k] ?? null))
  );
}

/**
 * The aggregates as the (crashed, restarted) server left them against a full recompute of each user's
 * whole history with recomputeDirtyRanges. Run with the server stopped. Returns the differences.
 */
export async function checkAggregatesMatchRecompute(db: pg.Pool, userIds: string[]): Promise<{ rows: number; violations: string[] }> {
  const { markHistoryDirty, recomputeDirtyRanges } = await import('../../lib/data/aggregation/recompute-user');
  const before = await snapshot(db, userIds);
  for (const id of userIds) {
    await markHistoryDirty(id);
    await recomputeDirtyRanges(id);
  }
  const after = await snapshot(db, userIds);
  const violations: string[] = [];
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) violations.push(`aggregate ${key} missing before the full recompute`);
    else if (!sameRow(old, row)) violations.push(`aggregate ${key} differs: ${JSON.stringify(old)} vs recomputed ${JSON.stringify(row)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) violations.push(`aggregate ${key} exists but a full recompute does not produce it`);
  return { rows: after.size, violations };
}
