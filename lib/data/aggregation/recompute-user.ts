// The aggregate step of the pipeline for one user: take every dirty (type, local-day range), recompute
// the hourly and daily aggregates of those days from raw samples (dedup by source priority, then
// bucketing in the user's zone), roll the touched weeks and months up from the day rows, and clear the
// dirty ranges it covered — all in one transaction under a per-user lock, so a crash leaves the ranges
// in place for the sweep, and two runs for one user never interleave. Idempotent: it recomputes whole
// buckets from raw samples.
import type pg from 'pg';
import { connectClient, pool } from '../../db/client';
import type { HealthType } from '../../health';
import { aggregate, dedupSamples } from '../../pipeline';
import { rollUpDays } from '../../pipeline/rollup';
import { addDays, monthStart, weekStart, zonedDayRangeUtc } from '../../time';
import { loadSamples } from './load-samples';
import { countedContributions, isSessionType, rulesFor } from './type-rules';
import { loadDayRows, replaceAggregates } from './write-aggregates';

export type RecomputeResult = { ranges: number; types: HealthType[]; rows: number };
const CHUNK_DAYS = 31; // bounds the samples held in memory at once

type DirtyRow = { id: string; type: HealthType; day_from: string; day_to: string };
type DayRange = { from: string; to: string };

/** Merges overlapping or adjacent day ranges. */
export function mergeRanges(ranges: DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: DayRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= addDays(last.to, 1)) last.to = r.to > last.to ? r.to : last.to;
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * The range minus archived months: their raw samples now live in the object store, so recomputing them
 * from PostgreSQL would wipe their aggregates. (Archive months are UTC months; days are local, so a few
 * hours at a month edge may be read from the neighbouring month.)
 */
export function withoutMonths(range: DayRange, months: ReadonlySet<string>): DayRange[] {
  if (months.size === 0) return [range];
  const out: DayRange[] = [];
  let current: DayRange | null = null;
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    if (months.has(day.slice(0, 7))) {
      current = null;
      continue;
    }
    if (current) current.to = day;
    else out.push((current = { from: day, to: day }));
  }
  return out;
}

function chunks(range: DayRange): DayRange[] {
  const out: DayRange[] = [];
  for (let from = range.from; from <= range.to; from = addDays(from, CHUNK_DAYS)) {
    const to = addDays(from, CHUNK_DAYS - 1);
    out.push({ from, to: to < range.to ? to : range.to });
  }
  return out;
}

async function recomputeDays(client: pg.PoolClient, ctx: { userId: string; type: HealthType; timeZone: string; range: DayRange }) {
  const { userId, type, timeZone, range } = ctx;
  const rules = rulesFor(type);
  // Load a day either side: samples crossing midnight, match windows, sleep sessions across days.
  const fromMs = zonedDayRangeUtc(addDays(range.from, -1), timeZone).startMs;
  const toMs = zonedDayRangeUtc(addDays(range.to, 1), timeZone).endMs;
  const samples = await loadSamples(client, { userId, type, fromMs, toMs });
  const contributions = countedContributions(type, dedupSamples(samples, rules));
  const rows = aggregate({ contributions, rules, timeZone, periods: ['HOUR', 'DAY'] });
  const inRange = (label: string) => label.slice(0, 10) >= range.from && label.slice(0, 10) <= range.to;
  let written = 0;
  for (const period of ['HOUR', 'DAY'] as const) {
    written += await replaceAggregates(client, {
      userId, type, period, aggregation: rules.aggregation, from: range.from, toExclusive: addDays(range.to, 1),
      rows: rows.filter((r) => r.period === period && inRange(r.periodStart)),
    });
  }
  return written;
}

async function rollUp(client: pg.PoolClient, ctx: { userId: string; type: HealthType; from: string; to: string }) {
  const aggregation = rulesFor(ctx.type).aggregation;
  let written = 0;
  for (const [period, startOf, next] of [
    ['WEEK', weekStart, (d: string) => addDays(d, 7)],
    ['MONTH', monthStart, (d: string) => monthStart(addDays(d, 31))],
  ] as const) {
    const from = startOf(ctx.from);
    const toExclusive = next(startOf(ctx.to));
    const days = await loadDayRows(client, { userId: ctx.userId, type: ctx.type, from, toExclusive });
    const rows = rollUpDays(days, aggregation, period, startOf);
    written += await replaceAggregates(client, { userId: ctx.userId, type: ctx.type, period, aggregation, from, toExclusive, rows });
  }
  return written;
}

export async function recomputeDirtyRanges(userId: string): Promise<RecomputeResult> {
  const client = await connectClient();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`aggregate:${userId}`]);
    const { rows: dirty } = await client.query<DirtyRow>(
      `SELECT id::text, type, day_from::text, day_to::text FROM dirty_ranges WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
    if (dirty.length === 0) {
      await client.query('COMMIT');
      return { ranges: 0, types: [], rows: 0 };
    }
    const { rows: profile } = await client.query<{ time_zone: string }>('SELECT time_zone FROM profiles WHERE user_id = $1', [userId]);
    const timeZone = profile[0]?.time_zone ?? 'UTC';
    const { rows: archived } = await client.query<{ month: string }>(
      `SELECT to_char(month, 'YYYY-MM') AS month FROM archives WHERE user_id = $1 AND restored_at IS NULL`,
      [userId],
    );
    const archivedMonths = new Set(archived.map((a) => a.month));

    const byType = new Map<HealthType, DayRange[]>();
    for (const d of dirty) byType.set(d.type, [...(byType.get(d.type) ?? []), { from: d.day_from, to: d.day_to }]);
    let rows = 0;
    for (const [type, ranges] of byType) {
      // A sleep sample can move its session's end, and so its minutes, to the next local day.
      const merged = mergeRanges(ranges.map((r) => ({ from: r.from, to: isSessionType(type) ? addDays(r.to, 1) : r.to })))
        .flatMap((r) => withoutMonths(r, archivedMonths));
      if (merged.length === 0) continue;
      for (const range of merged.flatMap(chunks)) {
        rows += await recomputeDays(client, { userId, type, timeZone, range });
      }
      rows += await rollUp(client, { userId, type, from: merged[0]!.from, to: merged[merged.length - 1]!.to });
    }
    await client.query('DELETE FROM dirty_ranges WHERE id = ANY($1::bigint[])', [dirty.map((d) => d.id)]);
    await client.query('COMMIT');
    return { ranges: dirty.length, types: [...byType.keys()], rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failure); // a failed connection is discarded, not returned to the pool
  }
}

/** Users with work waiting, oldest first (the sweep's input). */
export async function findUsersWithDirtyRanges(limit = 500): Promise<string[]> {
  const { rows } = await pool().query<{ user_id: string }>(
    `SELECT user_id::text FROM dirty_ranges GROUP BY user_id ORDER BY min(marked_at) LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.user_id);
}

/** Marks a user's whole history dirty (integrity repair, tests, a time zone change). */
export async function markHistoryDirty(userId: string): Promise<void> {
  await pool().query(
    `INSERT INTO dirty_ranges (user_id, type, day_from, day_to)
     SELECT s.user_id, s.type, (min(s.start_at) AT TIME ZONE z.tz)::date, (max(s.end_at) AT TIME ZONE z.tz)::date
     FROM health_samples s
     CROSS JOIN (SELECT COALESCE((SELECT time_zone FROM profiles WHERE user_id = $1), 'UTC') AS tz) z
     WHERE s.user_id = $1 GROUP BY s.user_id, s.type, z.tz`,
    [userId],
  );
}
