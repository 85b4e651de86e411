// Which local days a batch of samples can change, for marking dirty ranges at ingest.

import { dayLabel, periodKeyOfHour, zoneClock } from '../time';

export type TimedSample = { startMs: number; endMs: number };

/**
 * Sorted local days 'YYYY-MM-DD' that samples overlap. `trailingMs` stretches each sample's end:
 * a sleep interval can change the session it joins, whose minutes go to the day the session ends,
 * so sleep types should pass a margin (e.g. a day) to mark that later day dirty too.
 */
export function touchedLocalDays(
  samples: readonly TimedSample[],
  timeZone: string,
  options: { trailingMs?: number } = {},
): string[] {
  const clock = zoneClock(timeZone);
  const trailing = options.trailingMs ?? 0;
  const days = new Set<number>();
  for (const { startMs, endMs } of samples) {
    const lastMoment = Math.max(startMs, endMs - 1) + trailing; // [start, end): end itself is not touched
    const first = periodKeyOfHour(clock.hourIndexAt(startMs), 'DAY');
    const last = periodKeyOfHour(clock.hourIndexAt(lastMoment), 'DAY');
    for (let day = first; day <= last; day += 1) days.add(day);
  }
  return [...days].sort((a, b) => a - b).map(dayLabel);
}
