// Adherence over 7, 14 and 30 days and streaks, on known logs.
import { describe, expect, it } from 'vitest';
import { adherenceOf, type DoseLog } from './medication-adherence-stats';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
const log = (daysAgo: number, status: DoseLog['status']): DoseLog => ({ scheduledAtMs: NOW - daysAgo * DAY, status });

describe('adherenceOf', () => {
  it('counts planned doses by window; late counts as taken and apart; skipped and missed apart', () => {
    const logs = [log(1, 'TAKEN'), log(2, 'TAKEN_LATE'), log(3, 'SKIPPED'), log(10, 'MISSED'), log(20, 'TAKEN'), log(31, 'MISSED'), { scheduledAtMs: NOW + DAY, status: 'MISSED' as const }];
    const a = adherenceOf(logs, NOW);
    expect(a.windows).toEqual([
      { days: 7, planned: 3, taken: 2, late: 1, skipped: 1, missed: 0, percent: 66.6 },
      { days: 14, planned: 4, taken: 2, late: 1, skipped: 1, missed: 1, percent: 50 },
      { days: 30, planned: 5, taken: 3, late: 1, skipped: 1, missed: 1, percent: 60 },
    ]);
  });

  it('rounds down, so just under 80 % never reads as 80 %', () => {
    const logs = [...Array.from({ length: 3999 }, (_, i) => log(i / 1000, 'TAKEN' as const)), ...Array.from({ length: 1001 }, (_, i) => log(4 + i / 1000, 'MISSED' as const))];
    expect(adherenceOf(logs, NOW).windows[0]!.percent).toBe(79.9);
  });

  it('streaks: taken in a row up to the latest dose, and the longest run', () => {
    const logs = [log(9, 'TAKEN'), log(8, 'TAKEN'), log(7, 'TAKEN_LATE'), log(6, 'MISSED'), log(5, 'TAKEN'), log(4, 'TAKEN')];
    expect(adherenceOf(logs, NOW)).toMatchObject({ currentStreak: 2, longestStreak: 3 });
    expect(adherenceOf([...logs, log(1, 'SKIPPED')], NOW)).toMatchObject({ currentStreak: 0, longestStreak: 3 });
    expect(adherenceOf([], NOW)).toMatchObject({ currentStreak: 0, longestStreak: 0, windows: [{ percent: null }, { percent: null }, { percent: null }] });
  });
});
