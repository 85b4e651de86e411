// Client-safe chart values: the unit a chart of a type is drawn in, the decimals it shows (lib/health/
// precision), and daily rows as points, with the day still running labelled as such.
import type { HealthType } from '../health';
import { displayDecimals, roundTo } from '../health/precision';
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { displayUnit, toDisplay, type UnitPreferences } from './health';

/** A point's label marked as a period not over yet: "Tue 14 Jul (so far)". */
export function soFarLabel(label: string, locale: Locale = 'en'): string {
  return locale === 'en' ? `${label} (so far)` : translator(locale, 'charts')('soFar', { label });
}

const isSleep = (type: HealthType) => type === 'SLEEP_STATE' || type === 'SLEEP_ANALYSIS';

/** Sleep reads better in hours (to a tenth: 6 minutes) than in minutes; other types in the reader's unit. */
export function chartScale(type: HealthType, units: UnitPreferences): { unit: string; decimals: number; convert: (canonical: number) => number } {
  if (isSleep(type)) return { unit: 'h', decimals: 1, convert: (minutes) => roundTo(minutes / 60, 1) };
  const { label, unit } = displayUnit(type, units);
  const decimals = displayDecimals(type, unit);
  return { unit: label, decimals, convert: (v) => roundTo(toDisplay(type, v, units), decimals) };
}

type DailyRow = { periodStart: string; value: number; min: number | null; max: number | null };

/**
 * Daily rows as chart points in the reader's unit, rounded. `today` is the patient's current day: its
 * point is partial (steps so far, a night perhaps still going on) and is labelled so, never passed off
 * as a whole day. `dayLabel` formats a 'YYYY-MM-DD' for the axis; `locale` words the "so far".
 */
export function dailyChartPoints(type: HealthType, rows: readonly DailyRow[], opts: { units: UnitPreferences; today: string; dayLabel: (day: string) => string; locale?: Locale }) {
  const { convert } = chartScale(type, opts.units);
  const orNull = (v: number | null) => (v === null ? null : convert(v));
  return rows.map((r) => {
    const day = r.periodStart.slice(0, 10);
    return { label: day === opts.today ? soFarLabel(opts.dayLabel(day), opts.locale) : opts.dayLabel(day), value: convert(r.value), min: orNull(r.min), max: orNull(r.max) };
  });
}
