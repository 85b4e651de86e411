// Aggregates (written by the pipeline) of one patient within a read scope, the one-day summary, and
// what each source contributed.
import { pool, prisma } from '../db/client';
import { DEFAULT_UNITS, type UnitPreferences } from '../format/health';
import { getHealthType, type HealthType } from '../health';
import { PRECISION, roundTo } from '../health/precision';
import { localDate } from '../time';
import { allowedTypes, clampDays, isDayLimited, narrowDays, requireTypes, type ReadScope } from './access';

export type Period = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

type Row = {
  type: HealthType;
  period_start: string; // local wall-clock label, formatted in SQL so no process time zone is involved
  value: number;
  min: number | null;
  max: number | null;
  count: number;
  sources: Record<string, number>;
};

export async function findAggregates(
  scope: ReadScope,
  query: { types: readonly HealthType[]; period: Period; fromDay: string; toDay: string },
) {
  requireTypes(scope, query.types);
  const types = allowedTypes(scope, query.types);
  const result: Record<string, unknown[]> = Object.fromEntries(types.map((t) => [t, []]));
  if (types.length === 0) return result;
  const { from, to } = clampDays(scope, query.fromDay, query.toDay);
  // Within a share's days, only weeks and months wholly inside them: a bucket straddling the edge
  // would carry days the share does not cover.
  const limited = isDayLimited(scope);
  const { rows } = await pool().query<Row>({ name: 'aggregates-read', text: AGGREGATES_SQL, values: [scope.patientId, types, query.period, limited, from, to, query.period.toLowerCase()] });
  for (const row of rows) result[row.type]?.push(answerRow(row));
  return result;
}

// The reads of this module go to the pool as plain, named (planned once per connection) statements:
// Prisma's raw path cost more CPU per request than the query itself (bench:profile). $7 is the
// period's name for date_trunc and the interval.
const AGGREGATES_SQL = `SELECT type, to_char(period_start, 'YYYY-MM-DD"T"HH24:MI:SS') AS period_start, value, min, max, count, sources
  FROM health_aggregates
  WHERE user_id = $1::uuid AND type = ANY($2::"HealthType"[]) AND period = $3::"Period"
    AND period_start >= CASE WHEN $4::boolean THEN $5::date::timestamp ELSE date_trunc($7::text, $5::date::timestamp) END
    AND period_start < ($6::date + 1)
    AND (NOT $4::boolean OR period_start + ('1 ' || $7::text)::interval <= ($6::date + 1)::timestamp)
  ORDER BY type, period_start`;

/**
 * A stored aggregate as it is answered: values to the type's precision (lib/health/precision), so no
 * 109.89515999999999 reaches a page or a client; storage and computation keep full precision. Sources
 * of a summed type are amounts of it and are rounded alike; the others are reading counts.
 */
function answerRow(row: Row) {
  const decimals = PRECISION[row.type].answer;
  let sources = row.sources;
  if (getHealthType(row.type).aggregation === 'SUM') {
    sources = {};
    for (const id in row.sources) sources[id] = roundTo(row.sources[id]!, decimals);
  }
  return {
    periodStart: row.period_start,
    value: roundTo(row.value, decimals),
    min: row.min === null ? null : roundTo(row.min, decimals),
    max: row.max === null ? null : roundTo(row.max, decimals),
    count: row.count,
    sources,
  };
}

export async function findDailySummary(scope: ReadScope, day?: string) {
  const date = day ?? localDate(Date.now(), scope.timeZone);
  clampDays(scope, date, date); // 404 outside a share's days
  const types: Record<string, number> = {};
  const { rows } = await pool().query<{ type: HealthType; value: number }>({
    name: 'daily-summary',
    text: `SELECT type, value FROM health_aggregates WHERE user_id = $1::uuid AND period = 'DAY' AND period_start = $2::date`,
    values: [scope.patientId, date],
  });
  const allowed = new Set(allowedTypes(scope, rows.map((r) => r.type)));
  for (const row of rows) if (allowed.has(row.type)) types[row.type] = roundTo(row.value, PRECISION[row.type].answer);
  return { date, types };
}

/**
 * Whether the pipeline still has work on these days for these types (a dirty range meeting them, or the
 * day before: a sleep session's minutes can move to the next day), so their aggregates may still change.
 */
export async function hasPendingRecompute(patientId: string, types: readonly HealthType[], days: { fromDay: string; toDay: string }): Promise<boolean> {
  if (types.length === 0) return false;
  const { rows } = await pool().query<{ pending: boolean }>({
    name: 'pending-recompute',
    text: `SELECT EXISTS (
      SELECT 1 FROM dirty_ranges
      WHERE user_id = $1::uuid AND type = ANY($2::"HealthType"[]) AND day_from <= $3::date AND day_to >= $4::date - 1
    ) AS pending`,
    values: [patientId, types, days.toDay, days.fromDay],
  });
  const row = rows[0];
  return row?.pending ?? true;
}

export type SourceContribution = {
  type: HealthType;
  /** 'amount' for summed types (steps, minutes…), 'readings' for the others (readings kept after dedup). */
  measure: 'amount' | 'readings';
  total: number;
  /** device id → its part of `total` */
  devices: Record<string, number>;
};

/**
 * What each device contributed to the patient's daily aggregates in [fromDay, toDay], per type, from
 * the provenance the pipeline records on every aggregate (after dedup: a duplicate counts for nobody).
 */
export async function findSourceContributions(scope: ReadScope, range: { fromDay: string; toDay: string }): Promise<SourceContribution[]> {
  const { from, to } = narrowDays(scope, range.fromDay, range.toDay);
  if (from > to) return [];
  const rows = await prisma.$queryRaw<{ type: HealthType; device_id: string; amount: number }[]>`
    SELECT a.type, s.key AS device_id, sum(s.value::float8) AS amount
    FROM health_aggregates a CROSS JOIN LATERAL jsonb_each_text(a.sources) s
    WHERE a.user_id = ${scope.patientId}::uuid AND a.period = 'DAY'
      AND a.period_start >= ${from}::date AND a.period_start < (${to}::date + 1)
    GROUP BY a.type, s.key
    ORDER BY a.type, s.key`;
  const allowed = new Set(allowedTypes(scope, rows.map((r) => r.type)));
  const byType = new Map<HealthType, SourceContribution>();
  for (const row of rows) {
    if (!allowed.has(row.type)) continue;
    let entry = byType.get(row.type);
    if (!entry) {
      entry = { type: row.type, measure: getHealthType(row.type).aggregation === 'SUM' ? 'amount' : 'readings', total: 0, devices: {} };
      byType.set(row.type, entry);
    }
    entry.devices[row.device_id] = row.amount;
    entry.total += row.amount;
  }
  return [...byType.values()];
}

/** The units the patient reads their values in (their preferences; the defaults without a row). */
export async function findDisplayUnits(userId: string): Promise<UnitPreferences> {
  const prefs = await prisma.userPreferences.findUnique({
    where: { userId },
    select: { glucoseUnit: true, weightUnit: true, distanceUnit: true, temperatureUnit: true },
  });
  return prefs ?? DEFAULT_UNITS;
}
