// Set-based replacement of a user's aggregates for one type, period and range of local period starts:
// one DELETE and one INSERT … SELECT FROM unnest, never a query per row. Buckets that became empty are
// removed by the DELETE.
import type pg from 'pg';
import type { HealthType } from '../../health';
import type { Aggregation, Period } from '../../pipeline';

export type AggregateRecord = { periodStart: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> };

export async function replaceAggregates(
  client: pg.PoolClient,
  args: { userId: string; type: HealthType; period: Period; aggregation: Aggregation; from: string; toExclusive: string; rows: AggregateRecord[] },
): Promise<number> {
  await client.query(
    `DELETE FROM health_aggregates WHERE user_id = $1 AND type = $2::"HealthType" AND period = $3::"Period"
       AND period_start >= $4::timestamp AND period_start < $5::timestamp`,
    [args.userId, args.type, args.period, args.from, args.toExclusive],
  );
  if (args.rows.length === 0) return 0;
  const sumOf = (r: AggregateRecord) => (args.aggregation === 'AVERAGE' ? r.value * r.count : r.value);
  await client.query(
    `INSERT INTO health_aggregates (user_id, type, period, period_start, value, min, max, count, sum, sources)
     SELECT $1, $2::"HealthType", $3::"Period", u.ps::timestamp, u.v, u.mn, u.mx, u.c, u.s, u.src::jsonb
     FROM unnest($4::text[], $5::float8[], $6::float8[], $7::float8[], $8::int[], $9::float8[], $10::text[]) AS u(ps, v, mn, mx, c, s, src)`,
    [
      args.userId,
      args.type,
      args.period,
      args.rows.map((r) => r.periodStart),
      args.rows.map((r) => r.value),
      args.rows.map((r) => r.min),
      args.rows.map((r) => r.max),
      args.rows.map((r) => r.count),
      args.rows.map(sumOf),
      args.rows.map((r) => JSON.stringify(r.sources)),
    ],
  );
  return args.rows.length;
}

export async function loadDayRows(client: pg.PoolClient, args: { userId: string; type: HealthType; from: string; toExclusive: string }) {
  const { rows } = await client.query<{ day: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> }>(
    `SELECT to_char(period_start, 'YYYY-MM-DD') AS day, value, min, max, count, sources FROM health_aggregates
     WHERE user_id = $1 AND type = $2::"HealthType" AND period = 'DAY' AND period_start >= $3::timestamp AND period_start < $4::timestamp`,
    [args.userId, args.type, args.from, args.toExclusive],
  );
  return rows;
}
