// Week and month aggregates from day aggregates. Exact for every aggregation because day rows keep
// count, min and max, and the sum behind an average (value × count): the same numbers a direct
// aggregation of the week's readings would give.
import type { Aggregation, Period } from './types';

export type DayRow = { day: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> };
export type RolledRow = { period: Period; periodStart: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> };

export function rollUpDays(days: readonly DayRow[], aggregation: Aggregation, period: 'WEEK' | 'MONTH', periodOf: (day: string) => string): RolledRow[] {
  const groups = new Map<string, DayRow[]>();
  for (const row of [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    const key = periodOf(row.day);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups].map(([start, rows]) => {
    const count = rows.reduce((n, r) => n + r.count, 0);
    const sum = rows.reduce((n, r) => n + (aggregation === 'AVERAGE' ? r.value * r.count : r.value), 0);
    const mins = rows.flatMap((r) => (r.min === null ? [] : [r.min]));
    const maxs = rows.flatMap((r) => (r.max === null ? [] : [r.max]));
    const sources: Record<string, number> = {};
    for (const r of rows) for (const [device, n] of Object.entries(r.sources)) sources[device] = (sources[device] ?? 0) + n;
    const value = aggregation === 'SUM' ? sum : aggregation === 'AVERAGE' ? (count > 0 ? sum / count : 0) : rows[rows.length - 1]!.value;
    return {
      period,
      periodStart: `${start}T00:00:00`,
      value,
      min: mins.length ? Math.min(...mins) : null,
      max: maxs.length ? Math.max(...maxs) : null,
      count,
      sources,
    };
  });
}
