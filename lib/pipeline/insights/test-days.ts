// Builders for the insight tests (not exported from the module index).

import { dayLabel, parseDay } from '../../time/calendar-keys';
import type { DailyValue } from './types';

// A window ending mid-March 2024 crosses the leap day, so calendar arithmetic is exercised.
export const TODAY = '2024-03-15';
export const NOW_MS = Date.parse('2024-03-15T12:00:00Z');
export const DAY_MS = 86_400_000;
export const MIN_MS = 60_000;

export const daysAgo = (n: number, today = TODAY): string => dayLabel(parseDay(today) - n);

/** One value per listed day: `value(ago)` for each `ago` (days before today). */
export function series(agos: readonly number[], value: (ago: number) => number, today = TODAY): DailyValue[] {
  return agos.map((ago) => ({ day: daysAgo(ago, today), value: value(ago) }));
}

/** [from, from+1, …, to] */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
