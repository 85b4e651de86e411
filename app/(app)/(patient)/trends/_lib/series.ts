// From aggregate rows (canonical units, as the API answers) to what a trend shows: points in the
// patient's display unit, the min–max band for averaged types, the glucose target range, and the
// window's headline numbers. Pure.
import type { TrendPoint } from '@/components/charts/trend-chart';
import { DEFAULT_UNITS, displayUnit, toDisplay, type UnitPreferences } from '@/lib/format/health';
import { getHealthType, type HealthType } from '@/lib/health';
import { pointLabel, type AggregatePeriod } from './periods';

export type AggregateRow = { periodStart: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> };

/** Glucose target range in mg/dL (the consensus 70–180 for time in range). */
export const GLUCOSE_TARGET_MGDL = { low: 70, high: 180 } as const;

const SLEEP_TYPES = new Set<HealthType>(['SLEEP_STATE', 'SLEEP_ANALYSIS']);

/** The chart's unit: sleep reads better in hours than in minutes. */
export function chartUnit(type: HealthType, prefs: UnitPreferences = DEFAULT_UNITS): { label: string; convert: (canonical: number) => number } {
  if (SLEEP_TYPES.has(type)) return { label: 'h', convert: (minutes) => minutes / 60 };
  return { label: displayUnit(type, prefs).label, convert: (v) => toDisplay(type, v, prefs) };
}

export function trendSeries(type: HealthType, rows: readonly AggregateRow[], aggregate: AggregatePeriod, prefs: UnitPreferences = DEFAULT_UNITS) {
  const { label, convert } = chartUnit(type, prefs);
  const band = getHealthType(type).aggregation === 'AVERAGE';
  const points: TrendPoint[] = rows.map((r) => ({
    label: pointLabel(r.periodStart, aggregate),
    value: round(convert(r.value)),
    min: band && r.min !== null ? round(convert(r.min)) : null,
    max: band && r.max !== null ? round(convert(r.max)) : null,
  }));
  const target =
    type === 'BLOOD_GLUCOSE'
      ? { low: round(convert(GLUCOSE_TARGET_MGDL.low)), high: round(convert(GLUCOSE_TARGET_MGDL.high)) }
      : undefined;
  return { points, unitLabel: label, band, target };
}

const round = (v: number) => Math.round(v * 100) / 100;

export type WindowStats =
  | { kind: 'SUM'; total: number; days: number; perDay: number | null }
  | { kind: 'AVERAGE'; average: number; min: number; max: number; readings: number }
  | { kind: 'LATEST'; latest: number; latestAt: string; min: number; max: number; readings: number };

/**
 * The window's headline numbers, canonical units: a total (and the average per day with data, for
 * daily or weekly rows), the average of all readings weighted by count with the lowest and highest,
 * or the latest reading.
 */
export function windowStats(type: HealthType, rows: readonly AggregateRow[], aggregate: AggregatePeriod): WindowStats | null {
  if (rows.length === 0) return null;
  const aggregation = getHealthType(type).aggregation;
  if (aggregation === 'SUM') {
    const total = rows.reduce((s, r) => s + r.value, 0);
    const days = aggregate === 'day' ? rows.length : 0;
    return { kind: 'SUM', total, days, perDay: aggregate === 'day' ? total / rows.length : null };
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
