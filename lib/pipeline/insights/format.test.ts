import { describe, expect, it } from 'vitest';
import { formatCount, formatMinutes, percentOf, roundTo } from './format';
import { olsSlope } from './ols-slope';

describe('format helpers', () => {
  it('rounds symmetrically around zero and never gives -0', () => {
    expect([roundTo(4.25, 1), roundTo(-4.25, 1), roundTo(-0.04, 1)]).toEqual([4.3, -4.3, 0]);
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
  });

  it('percentages with one decimal', () => {
    expect([percentOf(1, 3), percentOf(2, 3), percentOf(0, 7)]).toEqual([33.3, 66.7, 0]);
  });

  it('counts with a fixed thousands separator', () => {
    expect([formatCount(7412.6), formatCount(999), formatCount(12_345_678)]).toEqual(['7,413', '999', '12,345,678']);
  });

  it('minutes as hours and minutes, floored', () => {
    expect([formatMinutes(359.99), formatMinutes(360), formatMinutes(45)]).toEqual(['5 h 59 min', '6 h 0 min', '0 h 45 min']);
  });
});

describe('olsSlope', () => {
  it('is exact for a line with half-unit steps', () => {
    expect(olsSlope([0, 3, 7, 29].map((offset) => ({ offset, value: 60 + 0.5 * offset })))).toBe(0.5);
  });

  it('is NaN when all points share one day', () => {
    expect(olsSlope([{ offset: 3, value: 60 }, { offset: 3, value: 70 }])).toBeNaN();
  });
});
