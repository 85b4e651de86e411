// When a medication's doses are due (issue 19), as pure functions: the schedule's shape (validated once, at
// the edge), the planned dose instants of a period in the patient's zone, and which planned dose a log
// belongs to. No I/O.
//
// Schedules: fixed local times every day ({kind: 'daily', times}), every N hours from a first time (N
// divides 24, so the times are the same each day: {kind: 'interval', everyHours, from}), fixed times on
// some weekdays ({kind: 'weekdays', days, times}), or as needed ({kind: 'asNeeded'}, never planned).
//
// Daylight saving: a time the wall clock skips (02:30 on a spring-forward night) moves forward by the gap
// (03:30), so it still happens once; a time the wall clock passes twice (01:30 on a fall-back night) is due
// at its first pass only. Two times that land on one instant that way are one dose. A dose is planned on
// the medication's local days from its start to its end, both included.
import { z } from 'zod';
import { DAY_MS, zoneClock, type ZoneClock } from '../time/zone-clock';
import { addDays, localDate, parseDay } from '../time';

const MINUTE_MS = 60_000;
export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Hours that divide a day: the times of an interval schedule are then the same every day. */
export const INTERVAL_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;
/** A log within this many minutes of its planned dose is on time; later (or earlier) is late. */
export const DEFAULT_GRACE_MINUTES = 60;

const clockTime = z.string({ error: 'must be a local time HH:MM' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM (00:00–23:59)');
const times = z
  .array(clockTime, { error: 'must be a list of local times HH:MM' })
  .min(1, 'must hold at least one time')
  .max(24, 'must hold at most 24 times')
  .refine((t) => new Set(t).size === t.length, 'must not repeat a time')
  .transform((t) => [...t].sort());

export const scheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('daily'), times }).strict(),
    z
      .object({
        kind: z.literal('interval'),
        everyHours: z.number({ error: 'must be a number of hours' }).refine((h) => (INTERVAL_HOURS as readonly number[]).includes(h), `must be one of ${INTERVAL_HOURS.join(', ')} (hours that divide a day)`),
        from: clockTime,
      })
      .strict(),
    z
      .object({
        kind: z.literal('weekdays'),
        days: z
          .array(z.enum(WEEKDAYS, { error: `must be weekdays: ${WEEKDAYS.join(', ')}` }), { error: 'must be a list of weekdays' })
          .min(1, 'must hold at least one weekday')
          .refine((d) => new Set(d).size === d.length, 'must not repeat a weekday'),
        times,
      })
      .strict(),
    z.object({ kind: z.literal('asNeeded') }).strict(),
  ],
  { error: 'must be {kind: daily | interval | weekdays | asNeeded, …}' },
);
export type Schedule = z.output<typeof scheduleSchema>;

/** The local times of a schedule's dosing days (none for as needed). */
export function scheduleTimes(schedule: Schedule): string[] {
  switch (schedule.kind) {
    case 'daily':
    case 'weekdays':
      return schedule.times;
    case 'interval': {
      const first = minutesOf(schedule.from);
      const out: string[] = [];
      for (let m = first % (schedule.everyHours * 60); m < 24 * 60; m += schedule.everyHours * 60) out.push(hhmm(m));
      return out;
    }
    case 'asNeeded':
      return [];
  }
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The weekday of a local date. */
export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[(((parseDay(day) + 4) % 7) + 7) % 7] as Weekday; // 1970-01-01 was a Thursday
}

/** The instant a local date and time are due at: a skipped time moves forward by the gap, a repeated one is its first pass. */
export function dueInstant(clock: ZoneClock, day: string, time: string): number {
  const localMs = parseDay(day) * DAY_MS + minutesOf(time) * MINUTE_MS;
  const first = clock.firstReach(localMs);
  if (first + clock.offsetAt(first) === localMs) return first;
  return localMs - clock.offsetAt(first - 1); // in the gap: read with the offset before it
}

export type DoseWindow = { startedOn: string; endedOn: string | null };

/**
 * Planned dose instants in [fromMs, toMs), ascending, each once: the schedule's times on each local day of
 * the medication (startedOn to endedOn, both included) in `timeZone`.
 */
export function plannedDoses(schedule: Schedule, window: DoseWindow, timeZone: string, fromMs: number, toMs: number): number[] {
  const dayTimes = scheduleTimes(schedule);
  if (dayTimes.length === 0 || toMs <= fromMs) return [];
  const clock = zoneClock(timeZone);
  // A day's doses can fall outside its own UTC range only by the zone's offset (< 1 day) and a gap.
  let day = localDate(fromMs, timeZone);
  day = addDays(day, -1) < window.startedOn ? window.startedOn : addDays(day, -1);
  const lastDay = addDays(localDate(toMs, timeZone), 1);
  const out: number[] = [];
  for (; day <= lastDay && (window.endedOn === null || day <= window.endedOn); day = addDays(day, 1)) {
    if (schedule.kind === 'weekdays' && !schedule.days.includes(weekdayOf(day))) continue;
    for (const time of dayTimes) {
      const at = dueInstant(clock, day, time);
      if (at >= fromMs && at < toMs) out.push(at);
    }
  }
  // A time moved out of a gap can pass a later time of the same day: sort, then keep each instant once.
  return out.sort((a, b) => a - b).filter((at, i, all) => i === 0 || all[i - 1] !== at);
}

/** Whether a schedule plans any dose between its start and end (an as-needed medication never does, and need not). */
export function plansAnyDose(schedule: Schedule, window: DoseWindow, timeZone: string): boolean {
  if (schedule.kind === 'asNeeded') return true;
  const from = parseDay(window.startedOn) * DAY_MS - 2 * DAY_MS;
  // A weekly pattern repeats within 7 days: looking 8 days past the start is enough.
  const end = window.endedOn ?? addDays(window.startedOn, 8);
  const to = (Math.min(parseDay(end), parseDay(window.startedOn) + 8) + 2) * DAY_MS;
  return plannedDoses(schedule, window, timeZone, from, to).length > 0;
}

/**
 * The planned dose a log taken at `takenAtMs` belongs to: the nearest within the grace window (the earlier
 * on a tie), or null (an extra dose). `planned` ascending.
 */
export function nearestPlanned(planned: readonly number[], takenAtMs: number, graceMinutes = DEFAULT_GRACE_MINUTES): number | null {
  let best: number | null = null;
  for (const at of planned) {
    const distance = Math.abs(at - takenAtMs);
    if (distance <= graceMinutes * MINUTE_MS && (best === null || distance < Math.abs(best - takenAtMs))) best = at;
  }
  return best;
}

/** Taken by the end of the grace window after its planned time: on time (early counts as taken); after it: late. */
export function takenStatus(scheduledAtMs: number, takenAtMs: number, graceMinutes = DEFAULT_GRACE_MINUTES): 'TAKEN' | 'TAKEN_LATE' {
  return takenAtMs - scheduledAtMs <= graceMinutes * MINUTE_MS ? 'TAKEN' : 'TAKEN_LATE';
}
