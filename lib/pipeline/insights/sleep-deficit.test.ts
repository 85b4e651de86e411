import { describe, expect, it } from 'vitest';
import { sleepDeficit } from './sleep-deficit';
import { daysAgo, range, series, TODAY } from './test-days';
import type { DailyValue } from './types';

const run = (nights: DailyValue[]) => sleepDeficit({ nights, today: TODAY });
/** Seven nights: six at `usual` minutes and one at `last`, so the average moves by a seventh of a minute. */
const week = (usual: number, last = usual) => series(range(0, 6), (ago) => (ago === 0 ? last : usual));

describe('sleepDeficit: data needed', () => {
  it('6 nights: no insight, however short', () => {
    expect(run(series(range(0, 5), () => 120))).toBeNull();
  });

  it('exactly 7 nights: enough', () => {
    expect(run(week(120))?.data.nights).toBe(7);
  });

  it('nights before the 14-day window do not count', () => {
    const nights = [...series(range(0, 5), () => 240), { day: daysAgo(14), value: 240 }];
    expect(run(nights)).toBeNull();
  });

  it('the 14th day back (13 days ago) is inside the window', () => {
    const result = run([...series(range(0, 5), () => 240), { day: daysAgo(13), value: 240 }]);
    expect(result).toMatchObject({ windowStart: '2024-03-02', windowEnd: '2024-03-15' });
  });

  it('a night after today (bad clock) is ignored', () => {
    expect(run([...series(range(0, 5), () => 240), { day: daysAgo(-1), value: 240 }])).toBeNull();
  });
});

describe('sleepDeficit: thresholds (6 h MEDIUM, 5 h HIGH)', () => {
  it.each([
    ['6 h 1/7 min', week(360, 361), null],
    ['exactly 6 h', week(360), null],
    ['just under 6 h', week(360, 359), 'MEDIUM'],
    ['exactly 5 h', week(300), 'MEDIUM'],
    ['just under 5 h', week(300, 299), 'HIGH'],
    ['8 h', week(480), null],
  ])('%s → %s', (_, nights, severity) => {
    expect(run(nights)?.severity ?? null).toBe(severity);
  });

  it('averages over the nights tracked, not over 14 days', () => {
    // 7 nights of 7 h: an average over 14 calendar days would read 3.5 h.
    expect(run(week(420))).toBeNull();
  });
});

// The wording is lib/format/insight-text's (insight-text.test.ts); the rule's numbers hold all it needs.
describe('sleepDeficit: data', () => {
  it('the average is floored to 0.1 min: just under 6 h is never stored (and shown) as 6 h 0 min', () => {
    expect(run(week(360, 359))?.data).toEqual({ averageMinutes: 359.8, nights: 7 });
    // 13 nights of 6 h and one of 359.4 min average 359.957 min: rounding would store 360.0.
    expect(run(series(range(0, 13), (ago) => (ago === 0 ? 359.4 : 360)))?.data).toEqual({ averageMinutes: 359.9, nights: 14 });
  });

  it('HIGH under 5 hours', () => {
    const result = run(series(range(0, 9), () => 270));
    expect(result).toMatchObject({ kind: 'SLEEP_DEFICIT', severity: 'HIGH' });
    expect(result?.data).toEqual({ averageMinutes: 270, nights: 10 });
  });
});
