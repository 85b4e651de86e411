// Periods that are still running, pure. Today is never a whole day, and the sleep that ends today may
// still be going on: the dashboard never compares such a part with whole days. It compares today's
// steps with the same hours of earlier days (exact, since hourly aggregates are whole local hours),
// and tonight's sleep with nothing until the night is over.
import { addDays, localDateTime } from '@/lib/time';
import { dayOf, type Baseline, type DayRow } from './metrics';

/** Local wall-clock times 'YYYY-MM-DDTHH:mm:ss' of now and of an hour ago, in the patient's zone. */
export type Clock = { now: string; hourAgo: string };

export function clockAt(nowMs: number, timeZone: string): Clock {
  return { now: localDateTime(nowMs, timeZone), hourAgo: localDateTime(nowMs - 3_600_000, timeZone) };
}

/** Today's amount before `until` (the start of the current local hour) and the same on earlier days. */
export type SameHours = { until: string; today: number; baseline: Baseline | null };

/**
 * `hours` are HOUR aggregates, `days` DAY aggregates of a summed type (steps). The earlier days are the
 * 7 before today that have any data (a day row), each counted up to the same local hour; null before
 * the first whole hour of the day, when there is nothing whole to compare.
 */
export function sameHoursOfDay(hours: readonly DayRow[], days: readonly DayRow[], clock: Clock): SameHours | null {
  const today = clock.now.slice(0, 10);
  const until = `${clock.now.slice(11, 13)}:00`;
  if (until === '00:00') return null;
  const upTo = (day: string) => hours.filter((r) => dayOf(r) === day && r.periodStart.slice(11, 16) < until).reduce((s, r) => s + r.value, 0);
  const fromDay = addDays(today, -7);
  const toDay = addDays(today, -1);
  const earlier = days.filter((r) => dayOf(r) >= fromDay && dayOf(r) <= toDay).map((r) => upTo(dayOf(r)));
  const baseline = earlier.length === 0 ? null : { value: earlier.reduce((s, v) => s + v, 0) / earlier.length, days: earlier.length, fromDay, toDay };
  return { until, today: upTo(today), baseline };
}

/**
 * Whether the sleep that ends today may still be going on. A session ends only after an hour without
 * sleep (lib/pipeline/sleep-sessions.ts), so sleep recorded in this hour or the one before may belong
 * to a session that is not over: its night is partial. Errs towards "still going on".
 */
export function sleepMayBeGoingOn(sleepHours: readonly DayRow[], clock: Clock): boolean {
  const since = `${clock.hourAgo.slice(0, 13)}:00:00`;
  return sleepHours.some((r) => r.value > 0 && r.periodStart >= since && r.periodStart <= clock.now);
}
