// From aggregate rows (canonical units, as the API answers) to what a trend shows: points in the
// patient's display unit, the min–max band for averaged types, the glucose target range, and the
// window's headline numbers. Pure.
import type { TrendPoint } from '@/components/charts/trend-chart';
import { chartScale, soFarLabel } from '@/lib/format/chart';
import type { Locale } from '@/lib/i18n/locales';
import { DEFAULT_UNITS, type UnitPreferences } from '@/lib/format/health';
import { getHealthType, type HealthType } from '@/lib/health';
import { pointLabel, type AggregatePeriod } from './periods';

export type AggregateRow = { periodStart: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> };

/** Glucose target range in mg/dL (the consensus 70–180 for time in range). */
export const GLUCOSE_TARGET_MGDL = { low: 70, high: 180 } as const;

/**
 * The chart's unit, and the decimals its values are shown with (lib/health/precision): sleep reads
 * better in hours than in minutes, to a tenth (6 minutes). `convert` rounds to them.
 */
export function chartUnit(type: HealthType, prefs: UnitPreferences = DEFAULT_UNITS): { label: string; decimals: number; convert: (canonical: number) => number } {
  const { unit, decimals, convert } = chartScale(type, prefs);
  return { label: unit, decimals, convert };
}

/** `running` is the period start of the bucket that is not over yet (see runningPeriodStart): labelled "so far". */
export function trendSeries(type: HealthType, rows: readonly AggregateRow[], aggregate: AggregatePeriod, prefs: UnitPreferences = DEFAULT_UNITS, running?: string, locale: Locale = 'en') {
  const { label, decimals, convert } = chartUnit(type, prefs);
  const band = getHealthType(type).aggregation === 'AVERAGE';
  const points: TrendPoint[] = rows.map((r) => ({
    label: r.periodStart === running ? soFarLabel(pointLabel(r.periodStart, aggregate, locale), locale) : pointLabel(r.periodStart, aggregate, locale),
    value: convert(r.value),
    min: band && r.min !== null ? convert(r.min) : null,
    max: band && r.max !== null ? convert(r.max) : null,
  }));
  const target =
    type === 'BLOOD_GLUCOSE'
      ? { low: convert(GLUCOSE_TARGET_MGDL.low), high: convert(GLUCOSE_TARGET_MGDL.high) }
      : undefined;
  return { points, unitLabel: label, decimals, band, target };
}

export type WindowStats =
  | { kind: 'SUM'; total: number; days: number; perDay: number | null; partial: boolean }
  | { kind: 'AVERAGE'; average: number; min: number; max: number; readings: number }
  | { kind: 'LATEST'; latest: number; latestAt: string; min: number; max: number; readings: number };

/**
 * The window's headline numbers, canonical units: a total (and the average per day with data, for
 * daily or weekly rows), the average of all readings weighted by count with the lowest and highest,
 * or the latest reading. A summed bucket still `running` counts in the total (then `partial`: a total
 * so far) but never in the average per day, which only whole days make.
 */
export function windowStats(type: HealthType, rows: readonly AggregateRow[], aggregate: AggregatePeriod, running?: string): WindowStats | null {
  if (rows.length === 0) return null;
  const aggregation = getHealthType(type).aggregation;
  if (aggregation === 'SUM') {
    const total = rows.reduce((s, r) => s + r.value, 0);
    const whole = rows.filter((r) => r.periodStart !== running);
    const days = aggregate === 'day' ? whole.length : 0;
    const perDay = aggregate === 'day' && whole.length > 0 ? whole.reduce((s, r) => s + r.value, 0) / whole.length : null;
    return { kind: 'SUM', total, days, perDay, partial: whole.length < rows.length };
  }
  const min = Math.min(...rows.map((r) => r.min ?? r.value));
  const max = Math.max(...rows.map((r) => r.max ?? r.value));
  const readings = rows.reduce((s, r) => s + r.count, 0);
  if (aggregation === 'AVERAGE') {
    return { kind: 'AVERAGE', average: rows.reduce((s, r) => s + r.value * r.count, 0) / readings, min, max, readings };
  }
  const last = rows[rows.length - 1]!;
  return { kind: 'LATEST', latest: last.value, latestAt: last.periodStart, min, max, readings };
}
