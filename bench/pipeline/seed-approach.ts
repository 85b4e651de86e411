// The seed design's aggregation, faithfully slow, kept inside the benchmark as the baseline our
// pipeline is compared with: for each type and each local day, query that day's samples, compare every
// sample with every other one (seed-dedup.ts), bucket the counted parts, then write each aggregate row
// with its own INSERT … ON CONFLICT DO UPDATE. It runs in one transaction, like ours, so the
// comparison is about queries and algorithms, not about how many commits hit the disk.
import type pg from 'pg';
import { connectClient } from '../../lib/db/client';
import { getHealthType, type HealthType } from '../../lib/health';
import { addDays, localDate, zonedDayRangeUtc, zoneClock } from '../../lib/time';
import { bucketParts, seedRows, type SeedHours, type SeedRow } from './seed-buckets';
import { type SeedSample, seedDedupDay } from './seed-dedup';

export type SeedResult = { ms: number; rows: number; stepsByDay: Map<string, number> };

const DAY_MS = 86_400_000;
// Time in bed and awake cover other devices' time but are not sleep (as in the real pipeline).
const NOT_ASLEEP = new Set(['inBed', 'awake']);

type Span = { type: HealthType; first: Date; last: Date };
type Row = { device_id: string; priority: number; s: number; e: number; value: number; category: string | null };

async function loadDay(client: pg.PoolClient, args: { userId: string; type: HealthType; startMs: number; endMs: number; marginMs: number }): Promise<SeedSample[]> {
  const { rows } = await client.query<Row>(
    `SELECT s.device_id::text, d.priority, (extract(epoch FROM s.start_at) * 1000)::float8 AS s,
            (extract(epoch FROM s.end_at) * 1000)::float8 AS e, s.value, s.category
     FROM health_samples s JOIN devices d ON d.id = s.device_id
     WHERE s.user_id = $1 AND s.type = $2::"HealthType" AND s.start_at >= to_timestamp($3 / 1000.0)
       AND s.start_at < to_timestamp($4 / 1000.0) AND s.end_at >= to_timestamp($5 / 1000.0)`,
    [args.userId, args.type, args.startMs - DAY_MS - args.marginMs, args.endMs + args.marginMs, args.startMs - args.marginMs],
  );
  return rows.map((r) => ({ deviceId: r.device_id, priority: r.priority, startMs: r.s, endMs: r.e, value: r.value, category: r.category }));
}

async function upsertRow(client: pg.PoolClient, userId: string, type: HealthType, row: SeedRow): Promise<void> {
  await client.query(
    `INSERT INTO health_aggregates (user_id, type, period, period_start, value, min, max, count, sum, sources)
     VALUES ($1, $2::"HealthType", $3::"Period", $4::timestamp, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT (user_id, type, period, period_start) DO UPDATE SET value = EXCLUDED.value, min = EXCLUDED.min,
       max = EXCLUDED.max, count = EXCLUDED.count, sum = EXCLUDED.sum, sources = EXCLUDED.sources, computed_at = now()`,
    [userId, type, row.period, row.periodStart, row.value, row.min, row.max, row.count, row.sum, JSON.stringify(row.sources)],
  );
}

async function aggregateType(client: pg.PoolClient, args: { userId: string; span: Span; timeZone: string }): Promise<SeedRow[]> {
  const { userId, span, timeZone } = args;
  const def = getHealthType(span.type);
  const matchWindowMs = (def.matchWindowSeconds ?? 0) * 1000;
  const clock = zoneClock(timeZone);
  const hours: SeedHours = new Map();
  const lastDay = localDate(span.last.getTime(), timeZone);
  for (let day = localDate(span.first.getTime(), timeZone); day <= lastDay; day = addDays(day, 1)) {
    const { startMs, endMs } = zonedDayRangeUtc(day, timeZone);
    const samples = await loadDay(client, { userId, type: span.type, startMs, endMs, marginMs: matchWindowMs });
    const parts = seedDedupDay(samples, { kind: def.dedupKind, matchWindowMs, dayStartMs: startMs, dayEndMs: endMs });
    const counted = span.type === 'SLEEP_STATE' ? parts.filter((p) => !NOT_ASLEEP.has(p.sample.category ?? '')) : parts;
    bucketParts(hours, counted, def.aggregation, clock);
  }
  const rows = seedRows(hours, def.aggregation);
  for (const row of rows) await upsertRow(client, userId, span.type, row); // one query per row
  return rows;
}

/** Recomputes all of a user's aggregates the seed's way; returns the time taken and daily steps. */
export async function runSeedApproach(userId: string): Promise<SeedResult> {
  const started = performance.now();
  const client = await connectClient();
  try {
    await client.query('BEGIN');
    const { rows: profile } = await client.query<{ time_zone: string }>('SELECT time_zone FROM profiles WHERE user_id = $1', [userId]);
    const timeZone = profile[0]?.time_zone ?? 'UTC';
    const { rows: spans } = await client.query<Span>(
      'SELECT type, min(start_at) AS first, max(end_at) AS last FROM health_samples WHERE user_id = $1 GROUP BY type ORDER BY type',
      [userId],
    );
    let written = 0;
    const stepsByDay = new Map<string, number>();
    for (const span of spans) {
      const rows = await aggregateType(client, { userId, span, timeZone });
      written += rows.length;
      if (span.type !== 'STEPS') continue;
      for (const row of rows) if (row.period === 'DAY') stepsByDay.set(row.periodStart.slice(0, 10), row.value);
    }
    await client.query('COMMIT');
    return { ms: performance.now() - started, rows: written, stepsByDay };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
