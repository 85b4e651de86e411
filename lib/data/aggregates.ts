// Aggregates (written by the pipeline) of one patient within a read scope, and the one-day summary.
import { prisma } from '../db/client';
import type { HealthType } from '../health';
import { localDate } from '../time';
import { allowedTypes, type ReadScope } from './access';

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

function clampDays(scope: ReadScope, fromDay: string, toDay: string) {
  const from = scope.fromDay && scope.fromDay > fromDay ? scope.fromDay : fromDay;
  const to = scope.toDay && scope.toDay < toDay ? scope.toDay : toDay;
  return { from, to };
}

export async function findAggregates(
  scope: ReadScope,
  query: { types: readonly HealthType[]; period: Period; fromDay: string; toDay: string },
) {
  const types = allowedTypes(scope, query.types);
  const result: Record<string, unknown[]> = Object.fromEntries(types.map((t) => [t, []]));
  if (types.length === 0) return result;
  const { from, to } = clampDays(scope, query.fromDay, query.toDay);
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT type, to_char(period_start, 'YYYY-MM-DD"T"HH24:MI:SS') AS period_start, value, min, max, count, sources
    FROM health_aggregates
    WHERE user_id = ${scope.patientId}::uuid AND type::text = ANY(${types}::text[]) AND period = ${query.period}::"Period"
      AND period_start >= date_trunc(lower(${query.period}), ${from}::date::timestamp)
      AND period_start < (${to}::date + 1)
    ORDER BY type, period_start`;
  for (const row of rows) {
    result[row.type]?.push({
      periodStart: row.period_start,
      value: row.value,
      min: row.min,
      max: row.max,
      count: row.count,
      sources: row.sources,
    });
  }
  return result;
}

export async function findDailySummary(scope: ReadScope, day?: string) {
  const date = day ?? localDate(Date.now(), scope.timeZone);
  const { from, to } = clampDays(scope, date, date);
  const types: Record<string, number> = {};
  if (from > to) return { date, types };
  const rows = await prisma.$queryRaw<{ type: HealthType; value: number }[]>`
    SELECT type, value FROM health_aggregates
    WHERE user_id = ${scope.patientId}::uuid AND period = 'DAY' AND period_start = ${date}::date`;
  const allowed = new Set(allowedTypes(scope, rows.map((r) => r.type)));
  for (const row of rows) if (allowed.has(row.type)) types[row.type] = row.value;
  return { date, types };
}
