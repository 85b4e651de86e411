// Display helpers of the patient pages that do not depend on the browser's locale or zone, so the
// server and the client render the same text.
import { formatValue, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import { addDays, localDateTime } from '@/lib/time';
import { formatDay } from '@/app/(app)/(patient)/trends/_lib/periods';

/** "today", "yesterday" or "Mon 13 Jul". */
export function dayPhrase(day: string, today: string): string {
  if (day === today) return 'today';
  if (day === addDays(today, -1)) return 'yesterday';
  return formatDay(day);
}

/** An instant in the patient's zone: "today 09:32", "yesterday 21:05", "Mon 13 Jul 07:10". */
export function instantPhrase(iso: string, timeZone: string, today: string): string {
  const local = localDateTime(Date.parse(iso), timeZone);
  return `${dayPhrase(local.slice(0, 10), today)} ${local.slice(11, 16)}`;
}

/** Minutes as "7 h 15 min" or "25 min". */
export function formatMinutes(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A value of a type for display, sleep as hours and minutes. */
export function formatMetric(type: HealthType, canonical: number, units: UnitPreferences): string {
  if (type === 'SLEEP_STATE' || type === 'SLEEP_ANALYSIS') return formatMinutes(canonical);
  return formatValue(type, canonical, units);
}

/** A signed difference, e.g. "+674 steps", "−0.4 kg", "+25 min" (a real minus sign). */
export function formatDelta(type: HealthType, delta: number, units: UnitPreferences): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${formatMetric(type, Math.abs(delta), units)}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
