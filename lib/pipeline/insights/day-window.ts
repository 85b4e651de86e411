// Windows of local calendar days for the daily rules. Days are compared as integer day indices, so
// month ends, leap days and DST changes cannot shift a window: a 'YYYY-MM-DD' label is a date, not
// an instant.

import { localDate } from '../../time';
import { dayLabel, parseDay } from '../../time/calendar-keys';
import type { DailyValue } from './types';

export type DayWindow = { first: number; last: number; windowStart: string; windowEnd: string };

/** A day's value with its real calendar offset from the window's first day (gaps keep their width). */
export type DayPoint = { offset: number; value: number };

/**
 * The day the daily rules end on: yesterday, the last whole local day. Today is still running (a day
 * just begun has a few steps, a night may still be going on), and a partial day compared with whole
 * ones would read as a drop or a deficit that is not there.
 */
export function lastWholeDay(nowMs: number, timeZone: string): string {
  return dayLabel(parseDay(localDate(nowMs, timeZone)) - 1);
}

/** The `length` local days ending `daysBeforeToday` days before `today` (0: ending today, inclusive). */
export function dayWindow(today: string, length: number, daysBeforeToday = 0): DayWindow {
  const last = parseDay(today) - daysBeforeToday;
  const first = last - length + 1;
  return { first, last, windowStart: dayLabel(first), windowEnd: dayLabel(last) };
}

/** The values whose day falls inside the window, in input order. */
export function pointsInWindow(values: readonly DailyValue[], window: DayWindow): DayPoint[] {
  const points: DayPoint[] = [];
  for (const { day, value } of values) {
    const index = parseDay(day);
    if (index >= window.first && index <= window.last) points.push({ offset: index - window.first, value });
  }
  return points;
}

export function meanValue(points: readonly DayPoint[]): number {
  let sum = 0;
  for (const p of points) sum += p.value;
  return sum / points.length;
}
