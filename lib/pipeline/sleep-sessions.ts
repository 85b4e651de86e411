// Sleep sessions (dedup.md, "Category intervals"): intervals that follow each other with gaps under
// the session gap form one night, and the whole night belongs to the local day on which it ends, so
// a night from 23:10 to 06:45 is not cut in two at midnight in the daily view.

import { zoneClock, dayLabel, periodKeyOfHour } from '../time';
import { sortContributions } from './dedup';
import type { Contribution } from './types';

export const DEFAULT_SESSION_GAP_MS = 60 * 60_000;

export type SleepSession = { startMs: number; endMs: number; contributions: Contribution[] };

/** Groups contributions into sessions: a gap shorter than `gapMs` keeps the session going. */
export function sleepSessions(contributions: readonly Contribution[], gapMs = DEFAULT_SESSION_GAP_MS): SleepSession[] {
  const sessions: SleepSession[] = [];
  let current: SleepSession | null = null;
  for (const c of sortContributions(contributions)) {
    if (current && c.startMs - current.endMs < gapMs) {
      current.contributions.push(c);
      current.endMs = Math.max(current.endMs, c.endMs);
    } else {
      current = { startMs: c.startMs, endMs: c.endMs, contributions: [c] };
      sessions.push(current);
    }
  }
  return sessions;
}

/**
 * Local day index owning a session: the day of its last moment. A session ending exactly at
 * midnight belongs to the day before, because [start, end) holds no time after midnight.
 */
export function sessionDayIndex(session: SleepSession, timeZone: string): number {
  const lastMoment = session.endMs > session.startMs ? session.endMs - 1 : session.startMs;
  return periodKeyOfHour(zoneClock(timeZone).hourIndexAt(lastMoment), 'DAY');
}

/** Local day 'YYYY-MM-DD' owning a session. */
export function sessionDay(session: SleepSession, timeZone: string): string {
  return dayLabel(sessionDayIndex(session, timeZone));
}
