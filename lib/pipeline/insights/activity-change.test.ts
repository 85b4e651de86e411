import { describe, expect, it } from 'vitest';
import { activityChange } from './activity-change';
import { daysAgo, range, series, TODAY } from './test-days';
import type { DailyValue } from './types';

const THIS_WEEK = range(0, 6);
const BASELINE = range(7, 34);
/** Baseline of 1,000 steps every day; this week `daily` steps on each of `weekDays`. */
const scene = (daily: number, weekDays = THIS_WEEK, baselineDays = BASELINE, baseline = 1000): DailyValue[] => [
  ...series(weekDays, () => daily),
  ...series(baselineDays, () => baseline),
];
const run = (steps: DailyValue[]) => activityChange({ steps, today: TODAY });

describe('activityChange: data needed', () => {
  it('4 days this week: no insight', () => {
    expect(run(scene(100, range(0, 3)))).toBeNull();
  });

  it('exactly 5 days this week: enough', () => {
    expect(run(scene(100, range(0, 4)))?.data.thisWeekDays).toBe(5);
  });

  it('13 baseline days: no insight; 14: enough', () => {
    expect(run(scene(100, THIS_WEEK, range(7, 19)))).toBeNull();
    expect(run(scene(100, THIS_WEEK, range(7, 20)))?.data.baselineDays).toBe(14);
  });

  it('a baseline of zero steps: no insight (no change can be computed)', () => {
    expect(run(scene(5000, THIS_WEEK, BASELINE, 0))).toBeNull();
  });

  it('missing days are unknown, not zero: 5 ordinary days are no drop', () => {
    expect(run(scene(1000, range(0, 4)))).toBeNull();
  });
});

describe('activityChange: window edges', () => {
  it('7 days ago belongs to the baseline, 6 days ago to this week', () => {
    // Only day −7 high: raises the baseline → this week reads as a drop.
    const steps = scene(1000).map((d) => (d.day === daysAgo(7) ? { ...d, value: 15_000 } : d));
    expect(run(steps)?.data.baselineDays).toBe(28);
    expect(run(steps)?.data.changePercent).toBeLessThan(-20);
  });

  it('35 days ago is outside the baseline; 34 days ago is inside', () => {
    expect(run([...scene(1000), { day: daysAgo(35), value: 1_000_000 }])).toBeNull();
    expect(run([...scene(1000, THIS_WEEK, range(7, 33)), { day: daysAgo(34), value: 1_000_000 }])).not.toBeNull();
  });

  it('reports the whole span: first baseline day to today', () => {
    expect(run(scene(500))).toMatchObject({ windowStart: '2024-02-10', windowEnd: '2024-03-15' });
  });
});

describe('activityChange: thresholds (20 % strictly, 30 % for MEDIUM)', () => {
  it.each([
    [801, null], // −19.9 %
    [800, null], // −20 % exactly
    [799, 'LOW'], // −20.1 %
    [700, 'LOW'], // −30 % exactly
    [699, 'MEDIUM'], // −30.1 %
    [1199, null], // +19.9 %
    [1200, null], // +20 % exactly
    [1201, 'INFO'], // +20.1 %
  ])('%s steps a day against 1,000 → %s', (daily, severity) => {
    expect(run(scene(daily))?.severity ?? null).toBe(severity);
  });
});

// The wording is lib/format/insight-text's (insight-text.test.ts); the rule's numbers hold all it needs.
describe('activityChange: data', () => {
  it('a drop', () => {
    const result = run(scene(600));
    expect(result).toMatchObject({ kind: 'ACTIVITY_CHANGE', severity: 'MEDIUM' });
    expect(result?.data).toEqual({ thisWeek: 4200, baselineWeekly: 7000, changePercent: -40, thisWeekDays: 7, baselineDays: 28 });
  });

  it('a rise, estimated from the days with data', () => {
    const result = run(scene(1500, range(0, 4)));
    expect(result).toMatchObject({ severity: 'INFO', data: { thisWeek: 10500, baselineWeekly: 7000, changePercent: 50, thisWeekDays: 5 } });
  });

  it('changePercent keeps one decimal', () => {
    expect(run(scene(799))?.data.changePercent).toBe(-20.1);
  });
});
