// Short sleep over the last 14 local days. Each value is the minutes asleep of the sleep that ended
// on that day (dedup.md: a session belongs to the day it ends).

import { dayWindow, meanValue, pointsInWindow } from './day-window';
import type { DailyValue, InsightResult } from './types';

export const SLEEP_WINDOW_DAYS = 14;
const MIN_NIGHTS = 7; // half the window: one or two tracked nights say little about a habit
// Adults need ≥ 7 h (AASM/SRS consensus, Watson et al., Sleep 2015); we flag only clear shortfalls.
const SHORT_SLEEP_MINUTES = 360;
const VERY_SHORT_SLEEP_MINUTES = 300;

export type SleepDeficitInput = { nights: readonly DailyValue[]; today: string };

export function sleepDeficit({ nights, today }: SleepDeficitInput): InsightResult | null {
  const window = dayWindow(today, SLEEP_WINDOW_DAYS);
  const points = pointsInWindow(nights, window);
  if (points.length < MIN_NIGHTS) return null;
  const average = meanValue(points);
  if (!(average < SHORT_SLEEP_MINUTES)) return null;
  const veryShort = average < VERY_SHORT_SLEEP_MINUTES;
  return {
    kind: 'SLEEP_DEFICIT',
    severity: veryShort ? 'HIGH' : 'MEDIUM',
    // Floored, like formatMinutes: an average just under 6 h must not be stored (and shown) as 6 h 0 min.
    data: { averageMinutes: Math.floor(average * 10) / 10, nights: points.length },
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
  };
}
