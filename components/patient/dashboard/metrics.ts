// Today at a glance, pure: which day a card shows and what it is compared with. Kept apart from the
// components so that the rules are tested and the cards can say exactly what they compare.
import { addDays } from '@/lib/time';

export type DayRow = { periodStart: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> };

/**
 * - TODAY_VS_WEEK: daily totals (steps, last night's sleep): today against the average of the 7 days before.
 * - LATEST_DAY_VS_WEEK: readings taken about daily (resting heart rate, blood pressure, glucose): the
 *   latest day with readings against the average of the readings of the 7 days before it.
 * - LATEST_VS_PREVIOUS: occasional readings (weight): the latest reading against the one before.
 */
export type Comparison = 'TODAY_VS_WEEK' | 'LATEST_DAY_VS_WEEK' | 'LATEST_VS_PREVIOUS';

export type Baseline = { value: number; days: number; fromDay: string; toDay: string };
export type MetricSnapshot = { day: string; current: DayRow | null; baseline: Baseline | null };

export const dayOf = (row: { periodStart: string }) => row.periodStart.slice(0, 10);

/**
 * `rows` are DAY aggregates in time order. `weighted` averages the readings themselves (each day by its
 * reading count) rather than the daily values; null when there is nothing to show at all.
 */
export function snapshotMetric(rows: readonly DayRow[], opts: { today: string; comparison: Comparison; weighted?: boolean }): MetricSnapshot | null {
  const past = rows.filter((r) => dayOf(r) <= opts.today);
  if (opts.comparison === 'TODAY_VS_WEEK') {
    const current = past.find((r) => dayOf(r) === opts.today) ?? null;
    const baseline = weekBefore(past, opts.today, opts.weighted ?? false);
    return current || baseline ? { day: opts.today, current, baseline } : null;
  }
  const latest = past[past.length - 1];
  if (!latest) return null;
  const day = dayOf(latest);
  if (opts.comparison === 'LATEST_DAY_VS_WEEK') return { day, current: latest, baseline: weekBefore(past, day, opts.weighted ?? false) };
  const previous = past[past.length - 2];
  return {
    day,
    current: latest,
    baseline: previous ? { value: previous.value, days: 1, fromDay: dayOf(previous), toDay: dayOf(previous) } : null,
  };
}

function weekBefore(rows: readonly DayRow[], day: string, weighted: boolean): Baseline | null {
  const fromDay = addDays(day, -7);
  const toDay = addDays(day, -1);
  const week = rows.filter((r) => dayOf(r) >= fromDay && dayOf(r) <= toDay);
  if (week.length === 0) return null;
  const value = weighted
    ? week.reduce((s, r) => s + r.value * r.count, 0) / week.reduce((s, r) => s + r.count, 0)
    : week.reduce((s, r) => s + r.value, 0) / week.length;
  return { value, days: week.length, fromDay, toDay };
}

/** The change from the baseline, in the value's own unit and (when meaningful) in percent. */
export function changeFrom(current: number, baseline: number): { delta: number; percent: number | null } {
  return { delta: current - baseline, percent: baseline === 0 ? null : ((current - baseline) / baseline) * 100 };
}
