import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessGlucose, GLUCOSE_TARGETS, type GlucoseReading } from './glucose-targets';
import { glucoseTimeInRange } from './insights/glucose-time-in-range';
import { DAY_MS, NOW_MS } from './insights/test-days';

/** Readings an hour apart ending at now (at most 300: inside the 14 days). */
const readings = (values: readonly number[]): GlucoseReading[] => values.map((mgdl, i) => ({ atMs: NOW_MS - i * 3_600_000, mgdl }));
/** `n` readings: `count` of each listed value, the rest 120 mg/dL (in range). */
const mix = (n: number, ...parts: [value: number, count: number][]): number[] => {
  const values = parts.flatMap(([value, count]) => Array<number>(count).fill(value));
  return [...values, ...Array<number>(n - values.length).fill(120)];
};
const missed = (values: readonly number[]) => assessGlucose({ readings: readings(values), nowMs: NOW_MS })?.misses.map((m) => m.share);

describe('assessGlucose: each target, on both sides of its bound', () => {
  it.each([
    ['below 54: exactly 1 % misses "< 1 %"', mix(100, [50, 1]), ['below54']],
    ['below 54: 0.99 % meets it', mix(101, [50, 1]), []],
    ['below 70: exactly 4 % misses "< 4 %"', mix(100, [65, 4]), ['below70']],
    ['below 70: 3.96 % meets it', mix(101, [65, 4]), []],
    ['below 70 includes below 54', mix(100, [50, 1], [65, 3]), ['below54', 'below70']],
    ['above 250: exactly 5 % misses "< 5 %"', mix(100, [260, 5]), ['above250']],
    ['above 250: 4.95 % meets it', mix(101, [260, 5]), []],
    ['above 180: exactly 25 % misses "< 25 %"', mix(100, [200, 25]), ['above180']],
    ['above 180: 24.75 % meets it', mix(101, [200, 25]), []],
    ['above 180 includes above 250', mix(100, [300, 20], [200, 5]), ['above250', 'above180']],
    ['in range: exactly 70 % misses "> 70 %"', mix(100, [200, 27], [65, 3]), ['above180', 'inRange']],
    ['70 and 180 are in range; 54 is low, not very low; 250 is high, not very high', mix(10, [70, 1], [180, 1], [54, 1], [250, 2]), ['below70', 'inRange']],
  ])('%s', (_, values, expected) => {
    expect(missed(values)).toEqual(expected);
  });

  it('misses come most urgent first: very low, low, very high, high, time in range', () => {
    expect(GLUCOSE_TARGETS.map((t) => t.share)).toEqual(['below54', 'below70', 'above250', 'above180', 'inRange']);
    expect(missed(mix(20, [300, 8], [50, 2]))).toEqual(['below54', 'below70', 'above250', 'above180', 'inRange']);
  });

  it('a miss carries its count and its share with one decimal', () => {
    const miss = assessGlucose({ readings: readings(mix(31, [300, 3])), nowMs: NOW_MS })?.misses[0];
    expect(miss).toMatchObject({ share: 'above250', label: 'above 250 mg/dL', bound: 'max', percent: 5, count: 3, sharePercent: 9.7 });
  });

  it('fewer than 10 readings in (now − 14 d, now]: no verdict', () => {
    expect(assessGlucose({ readings: readings(Array(9).fill(40)), nowMs: NOW_MS })).toBeNull();
    const old = { atMs: NOW_MS - 14 * DAY_MS, mgdl: 40 };
    expect(assessGlucose({ readings: [...readings(Array(9).fill(40)), old], nowMs: NOW_MS })).toBeNull();
  });
});

describe('assessGlucose: properties', () => {
  const valuesArb = fc.array(fc.oneof(fc.double({ min: 20, max: 600, noNaN: true }), fc.constantFrom(54, 70, 180, 250)), { minLength: 10, maxLength: 120 });

  it('time in range is never missed alone (in range = 100 % − below 70 − above 180)', () => {
    fc.assert(fc.property(valuesArb, (values) => {
      const shares = missed(values) ?? [];
      if (shares.includes('inRange')) expect(shares.some((s) => s === 'below70' || s === 'above180')).toBe(true);
    }));
  });

  it('a miss is never shown below its bound (a max target) or above it (a min target)', () => {
    fc.assert(fc.property(valuesArb, (values) => {
      for (const m of assessGlucose({ readings: readings(values), nowMs: NOW_MS })?.misses ?? []) {
        if (m.bound === 'max') expect(m.sharePercent).toBeGreaterThanOrEqual(m.percent);
        else expect(m.sharePercent).toBeLessThanOrEqual(m.percent);
      }
    }));
  });

  it('the patient\'s insight follows the same assessment: INFO when all targets are met, HIGH exactly when a low one is missed', () => {
    fc.assert(fc.property(valuesArb, (values) => {
      const shares = missed(values) ?? [];
      const severity = glucoseTimeInRange({ readings: readings(values), nowMs: NOW_MS })?.severity;
      const expected = shares.includes('below54') || shares.includes('below70') ? 'HIGH' : shares.length > 0 ? 'MEDIUM' : 'INFO';
      expect(severity).toBe(expected);
    }));
  });
});
