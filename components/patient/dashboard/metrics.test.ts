import { describe, expect, it } from 'vitest';
import { changeFrom, snapshotMetric, type DayRow } from './metrics';

const row = (day: string, value: number, count = 1): DayRow => ({ periodStart: `${day}T00:00:00`, value, min: value, max: value, count, sources: {} });

describe('snapshotMetric', () => {
  const steps = [row('2026-07-01', 1000), row('2026-07-07', 7000), row('2026-07-08', 6000), row('2026-07-14', 8000), row('2026-07-15', 3000)];

  it('compares today with the average of the 7 days before (days with data only)', () => {
    const s = snapshotMetric(steps, { today: '2026-07-15', comparison: 'TODAY_VS_WEEK' });
    expect(s?.current?.value).toBe(3000);
    // 07-08 .. 07-14: two days with data; 07-07 and 07-01 are outside.
    expect(s?.baseline).toEqual({ value: 7000, days: 2, fromDay: '2026-07-08', toDay: '2026-07-14' });
  });

  it('shows no value for today when there is none yet, but keeps the baseline', () => {
    const s = snapshotMetric(steps.slice(0, 4), { today: '2026-07-15', comparison: 'TODAY_VS_WEEK' });
    expect(s).toMatchObject({ day: '2026-07-15', current: null, baseline: { value: 7000, days: 2 } });
    expect(snapshotMetric([], { today: '2026-07-15', comparison: 'TODAY_VS_WEEK' })).toBeNull();
  });

  it('ignores rows after today', () => {
    const s = snapshotMetric([...steps, row('2026-07-16', 99)], { today: '2026-07-15', comparison: 'LATEST_DAY_VS_WEEK' });
    expect(s?.day).toBe('2026-07-15');
  });

  it('takes the latest day with readings and the readings of the 7 days before it, weighted by count', () => {
    const rhr = [row('2026-07-05', 60, 1), row('2026-07-06', 70, 3), row('2026-07-10', 64, 2)];
    const s = snapshotMetric(rhr, { today: '2026-07-15', comparison: 'LATEST_DAY_VS_WEEK', weighted: true });
    expect(s?.day).toBe('2026-07-10');
    expect(s?.current?.value).toBe(64);
    expect(s?.baseline?.value).toBeCloseTo((60 + 70 * 3) / 4, 9);
    expect(s?.baseline?.days).toBe(2);
    const unweighted = snapshotMetric(rhr, { today: '2026-07-15', comparison: 'LATEST_DAY_VS_WEEK' });
    expect(unweighted?.baseline?.value).toBe(65);
  });

  it('has no baseline when nothing came in the 7 days before', () => {
    const s = snapshotMetric([row('2026-07-01', 120), row('2026-07-12', 130)], { today: '2026-07-15', comparison: 'LATEST_DAY_VS_WEEK' });
    expect(s).toMatchObject({ day: '2026-07-12', baseline: null });
  });

  it('compares the latest reading with the one before, however long ago', () => {
    const weight = [row('2026-06-20', 71.4), row('2026-07-09', 70.9)];
    const s = snapshotMetric(weight, { today: '2026-07-15', comparison: 'LATEST_VS_PREVIOUS' });
    expect(s).toMatchObject({ day: '2026-07-09', current: { value: 70.9 }, baseline: { value: 71.4, days: 1, fromDay: '2026-06-20' } });
    expect(snapshotMetric([row('2026-07-09', 70.9)], { today: '2026-07-15', comparison: 'LATEST_VS_PREVIOUS' })?.baseline).toBeNull();
    expect(snapshotMetric([], { today: '2026-07-15', comparison: 'LATEST_VS_PREVIOUS' })).toBeNull();
  });
});

describe('changeFrom', () => {
  it('gives the difference and the percentage, without dividing by zero', () => {
    expect(changeFrom(110, 100)).toEqual({ delta: 10, percent: 10 });
    expect(changeFrom(5, 0)).toEqual({ delta: 5, percent: null });
  });
});
