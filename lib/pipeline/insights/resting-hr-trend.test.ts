import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restingHrTrend } from './resting-hr-trend';
import { daysAgo, range, series, TODAY } from './test-days';

// A straight line rising `slope` bpm per calendar day towards today.
const line = (slope: number) => (ago: number) => 60 + slope * (29 - ago);
const run = (agos: number[], slope: number) => restingHrTrend({ days: series(agos, line(slope)), today: TODAY });

describe('restingHrTrend: data needed', () => {
  it('13 days of data in the window: no insight, however steep', () => {
    expect(run(range(0, 12), 2)).toBeNull();
  });

  it('exactly 14 days: enough', () => {
    expect(run(range(0, 13), 2)?.data.days).toBe(14);
  });

  it('days outside the 30-day window do not count towards the 14', () => {
    const days = [...series(range(0, 12), line(2)), { day: daysAgo(30), value: 40 }, { day: daysAgo(-1), value: 99 }];
    expect(restingHrTrend({ days, today: TODAY })).toBeNull();
  });

  it('the window is the 30 days ending today, across the leap day', () => {
    const result = run(range(0, 29), 1);
    expect([result?.windowStart, result?.windowEnd]).toEqual(['2024-02-15', '2024-03-15']);
    expect(result?.data.days).toBe(30);
  });

  it('a day just outside the window (30 days ago) does not bend the line', () => {
    const days = [...series(range(0, 29), line(0.6)), { day: daysAgo(30), value: 200 }];
    expect(restingHrTrend({ days, today: TODAY })?.data.slopePerDay).toBe(0.6);
  });
});

describe('restingHrTrend: thresholds (0.5 and 1.0 bpm/day)', () => {
  it.each([
    [0.49, null],
    [0.5, null],
    [0.51, 'MEDIUM'],
    [1.0, 'MEDIUM'],
    [1.01, 'HIGH'],
    [-0.49, null],
    [-0.5, null],
    [-0.51, 'LOW'],
    [-1.5, 'LOW'],
  ])('slope %s bpm/day → %s', (slope, severity) => {
    expect(run(range(0, 29), slope)?.severity ?? null).toBe(severity);
  });

  it('a flat but noisy month is no trend', () => {
    expect(restingHrTrend({ days: series(range(0, 29), (ago) => 60 + (ago % 3) - 1), today: TODAY })).toBeNull();
  });
});

describe('restingHrTrend: calendar offsets and wording', () => {
  it('uses real calendar gaps, not array positions', () => {
    // Every other day, rising 0.6 bpm per calendar day (1.2 per array step): MEDIUM, not HIGH.
    const result = run(range(0, 14).map((i) => 2 * i), 0.6);
    expect(result?.data).toEqual({ slopePerDay: 0.6, changePerWeek: 4.2, days: 15 });
    expect(result?.severity).toBe('MEDIUM');
  });

  it('rising: the weekly change (the wording is insight-text.test.ts\'s)', () => {
    expect(run(range(0, 20), 0.6)).toMatchObject({ kind: 'RESTING_HR_TREND', severity: 'MEDIUM', data: { changePerWeek: 4.2, days: 21 } });
  });

  it('falling: LOW', () => {
    const result = run(range(0, 29), -0.75);
    expect(result).toMatchObject({ severity: 'LOW' });
    expect(result?.data.changePerWeek).toBe(-5.3);
  });

  it('steep rise: HIGH', () => {
    expect(run(range(0, 29), 1.5)?.severity).toBe('HIGH');
  });

  it('input order does not matter', () => {
    const days = series(range(0, 29), (ago) => 60 + 0.7 * (29 - ago) + ((ago * 7) % 5));
    expect(restingHrTrend({ days: [...days].reverse(), today: TODAY })).toEqual(restingHrTrend({ days, today: TODAY }));
  });

  it('property: shifting every value by a constant changes nothing', () => {
    const valuesArb = fc.array(fc.integer({ min: 40, max: 100 }), { minLength: 30, maxLength: 30 });
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: -20, max: 20 }), (values, shift) => {
        const days = series(range(0, 29), (ago) => values[ago]);
        const shifted = series(range(0, 29), (ago) => values[ago] + shift);
        expect(restingHrTrend({ days: shifted, today: TODAY })).toEqual(restingHrTrend({ days, today: TODAY }));
      }),
    );
  });
});
