// Public helpers for local calendar buckets. A bucket runs from the first instant the local clock
// reads its start label to the first instant it reads the next bucket's label, so a 02:00 hour
// repeated in autumn is one two-hour bucket and a skipped spring hour is no bucket at all.

import {
  type BucketUnit,
  dayLabel,
  nextPeriodKey,
  parseDay,
  periodFirstHour,
  periodKeyOfHour,
  periodLabel,
} from './calendar-keys';
import { HOUR_MS, zoneClock } from './zone-clock';

export type ZonedBucket = {
  unit: BucketUnit;
  localStart: string; // wall clock 'YYYY-MM-DDTHH:mm:ss'
  startMs: number; // UTC instant the bucket starts
  endMs: number; // UTC instant the next bucket starts
};

/** The local hour/day/week (Monday)/month bucket containing an instant. */
export function bucketOf(instantMs: number, timeZone: string, unit: BucketUnit): ZonedBucket {
  const clock = zoneClock(timeZone);
  const key = periodKeyOfHour(clock.hourIndexAt(instantMs), unit);
  return {
    unit,
    localStart: periodLabel(unit, key),
    startMs: clock.hourStart(periodFirstHour(unit, key)),
    endMs: clock.hourStart(periodFirstHour(unit, nextPeriodKey(unit, key))),
  };
}

/** Local calendar day 'YYYY-MM-DD' of an instant. */
export function localDate(instantMs: number, timeZone: string): string {
  return dayLabel(periodKeyOfHour(zoneClock(timeZone).hourIndexAt(instantMs), 'DAY'));
}

/** UTC range [startMs, endMs) of a local day: 23, 24 or 25 hours long (0 for a skipped day). */
export function zonedDayRangeUtc(day: string, timeZone: string): { startMs: number; endMs: number } {
  const clock = zoneClock(timeZone);
  const dayIndex = parseDay(day);
  return { startMs: clock.hourStart(dayIndex * 24), endMs: clock.hourStart(dayIndex * 24 + 24) };
}

/** UTC offset in minutes (local − UTC) at an instant, e.g. 330 for Asia/Kolkata. */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  return zoneClock(timeZone).offsetAt(instantMs) / 60_000;
}

/** Wall-clock 'YYYY-MM-DDTHH:mm:ss' of an instant (the second pass of a repeated hour reads the same). */
export function localDateTime(instantMs: number, timeZone: string): string {
  const wall = instantMs + zoneClock(timeZone).offsetAt(instantMs);
  const hour = Math.floor(wall / HOUR_MS);
  const label = periodLabel('HOUR', hour);
  const second = Math.floor((wall - hour * HOUR_MS) / 1000);
  const mm = String(Math.floor(second / 60)).padStart(2, '0');
  const ss = String(second % 60).padStart(2, '0');
  return `${label.slice(0, 14)}${mm}:${ss}`;
}
