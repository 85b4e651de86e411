// Dates and chart values for the carer pages, formatted by hand in an explicit time zone (not the
// browser's locale or zone), so the server render and the hydrated client show the very same text.
import { displayUnit, toDisplayRounded, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import { displayDecimals, roundTo } from '@/lib/health/precision';
import { addDays, localDate, localDateTime } from '@/lib/time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-05-03' → '3 May 2026' */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** "today 09:32", "yesterday 21:05", "3 May 2026 07:10", or `never`; `today` is the viewer's local date. */
export function formatWhen(iso: string | null, timeZone: string, today: string, never = 'Never'): string {
  if (!iso) return never;
  const local = localDateTime(Date.parse(iso), timeZone);
  const day = local.slice(0, 10);
  const time = local.slice(11, 16);
  if (day === today) return `today ${time}`;
  if (day === addDays(today, -1)) return `yesterday ${time}`;
  return `${formatDay(day)} ${time}`;
}

export const todayIn = (timeZone: string, nowMs = Date.now()) => localDate(nowMs, timeZone);

/** "3 May" for chart axes. */
export function shortDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]}`;
}

type DailyRow = { periodStart: string; value: number; min: number | null; max: number | null };
const isSleep = (type: HealthType) => type === 'SLEEP_STATE' || type === 'SLEEP_ANALYSIS';

/** A chart's unit label and the decimals its values are shown with: sleep in hours to a tenth. */
export function chartScale(type: HealthType, units: UnitPreferences): { unit: string; decimals: number } {
  if (isSleep(type)) return { unit: 'h', decimals: 1 };
  const { label, unit } = displayUnit(type, units);
  return { unit: label, decimals: displayDecimals(type, unit) };
}

/**
 * Daily rows as chart points in the reader's unit, rounded to the type's precision. `today` is the
 * patient's current day: its point is partial (steps so far, a night perhaps still going on) and is
 * labelled so, never passed off as a whole day.
 */
export function dailyChartPoints(type: HealthType, rows: readonly DailyRow[], units: UnitPreferences, today: string) {
  const convert = (v: number | null) => (v == null ? v : isSleep(type) ? roundTo(v / 60, 1) : toDisplayRounded(type, v, units));
  return rows.map((r) => {
    const day = r.periodStart.slice(0, 10);
    return { label: `${shortDay(day)}${day === today ? ' (so far)' : ''}`, value: convert(r.value) ?? 0, min: convert(r.min), max: convert(r.max) };
  });
}
