import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glucoseTimeInRange, type GlucoseReading } from './glucose-time-in-range';
import { DAY_MS, NOW_MS } from './test-days';

/** Readings an hour apart ending at now, one per value. */
const readings = (values: readonly number[]): GlucoseReading[] => values.map((mgdl, i) => ({ atMs: NOW_MS - i * 3_600_000, mgdl }));
/** 100 readings: `n` of each listed value, the rest 120 mg/dL (in range). */
const mix = (...parts: [value: number, n: number][]): number[] => {
  const values = parts.flatMap(([value, n]) => Array<number>(n).fill(value));
  return [...values, ...Array<number>(100 - values.length).fill(120)];
};
const run = (values: readonly number[]) => glucoseTimeInRange({ readings: readings(values), nowMs: NOW_MS });

describe('glucoseTimeInRange: data needed and window', () => {
  it('9 readings: no insight; exactly 10: enough', () => {
    expect(run(Array(9).fill(120))).toBeNull();
    expect(run(Array(10).fill(120))?.data.readings).toBe(10);
  });

  it('the window is (now − 14 d, now]: the start instant is out, now is in, the future is out', () => {
    const base = readings(Array(9).fill(120));
    const at = (atMs: number) => glucoseTimeInRange({ readings: [...base, { atMs, mgdl: 120 }], nowMs: NOW_MS });
    expect(at(NOW_MS - 14 * DAY_MS)).toBeNull();
    expect(at(NOW_MS - 14 * DAY_MS + 1)?.data.readings).toBe(10);
    expect(at(NOW_MS + 1)).toBeNull();
    expect(glucoseTimeInRange({ readings: readings(Array(10).fill(120)), nowMs: NOW_MS })?.data.readings).toBe(10); // includes now
  });

  it('labels the window with local days of the given zone', () => {
    const nowMs = Date.parse('2024-03-15T23:30:00Z');
    const result = glucoseTimeInRange({ readings: [{ atMs: nowMs, mgdl: 100 }, ...readings(Array(9).fill(120))], nowMs, timeZone: 'Europe/Berlin' });
    expect([result?.windowStart, result?.windowEnd]).toEqual(['2024-03-02', '2024-03-16']);
  });
});

describe('glucoseTimeInRange: range edges (70–180 inclusive in range)', () => {
  it.each([
    [70, 'inRange'],
    [180, 'inRange'],
    [69.9, 'below70'],
    [54, 'below70'],
    [53.9, 'below54'],
    [180.1, 'above180'],
    [250, 'above180'],
    [250.1, 'above250'],
  ])('%s mg/dL counts as %s', (value, bucket) => {
    const data = run([value, ...Array(9).fill(120)])?.data ?? {};
    const share = { inRange: data.inRange, below70: data.below70, below54: data.below54, above180: data.above180, above250: data.above250 };
    const expected = {
      inRange: bucket === 'inRange' ? 100 : 90,
      below70: bucket === 'below70' || bucket === 'below54' ? 10 : 0,
      below54: bucket === 'below54' ? 10 : 0,
      above180: bucket === 'above180' || bucket === 'above250' ? 10 : 0,
      above250: bucket === 'above250' ? 10 : 0,
    };
    expect(share).toEqual(expected);
  });
});

describe('glucoseTimeInRange: severity at each target', () => {
  it.each([
    ['all in range', mix(), 'INFO'],
    ['below 54: exactly 1 %', mix([50, 1]), 'HIGH'],
    ['below 70: 3 %', mix([65, 3]), 'INFO'],
    ['below 70: exactly 4 %', mix([65, 4]), 'HIGH'],
    ['above 250: 4 %', mix([260, 4]), 'INFO'],
    ['above 250: exactly 5 %', mix([260, 5]), 'MEDIUM'],
    ['above 180: 24 %', mix([200, 24]), 'INFO'],
    ['above 180: exactly 25 %', mix([200, 25]), 'MEDIUM'],
    ['in range: exactly 70 %', mix([200, 30]), 'MEDIUM'],
    ['in range: 69 %', mix([200, 31]), 'MEDIUM'],
    ['lows and highs: lows win', mix([50, 2], [300, 40]), 'HIGH'],
  ])('%s → %s', (_, values, severity) => {
    expect(run(values)?.severity).toBe(severity);
  });
});

// The wording is lib/format/insight-text's (insight-text.test.ts); the rule's numbers hold all it needs.
describe('glucoseTimeInRange: data', () => {
  it('meeting targets is still an insight, so the patient sees their time in range', () => {
    expect(run(mix([200, 10]))).toMatchObject({ kind: 'GLUCOSE_TIME_IN_RANGE', severity: 'INFO', data: { readings: 100, inRange: 90, above180: 10 } });
  });

  it('below target: the in-range share and the highs', () => {
    expect(run(mix([200, 31], [260, 5]))?.data).toEqual({ readings: 100, inRange: 64, below70: 0, below54: 0, above180: 36, above250: 5 });
  });

  it('lows: HIGH, both low shares', () => {
    expect(run(mix([50, 1], [65, 2]))).toMatchObject({ severity: 'HIGH', data: { below70: 3, below54: 1 } });
  });

  it('percentages have one decimal', () => {
    expect(run([50, ...Array(11).fill(120)])?.data).toEqual({ readings: 12, inRange: 91.7, below70: 8.3, below54: 8.3, above180: 0, above250: 0 });
  });

  it('property: shares are consistent (subsets, and in-range + below + above = all)', () => {
    const valuesArb = fc.array(fc.double({ min: 20, max: 600, noNaN: true }), { minLength: 10, maxLength: 80 });
    fc.assert(
      fc.property(valuesArb, (values) => {
        const d = run(values)?.data;
        if (!d) throw new Error('expected an insight');
        const [inRange, below70, below54, above180, above250] = [d.inRange, d.below70, d.below54, d.above180, d.above250].map(Number);
        expect(below54).toBeLessThanOrEqual(below70);
        expect(above250).toBeLessThanOrEqual(above180);
        expect(Math.abs(inRange + below70 + above180 - 100)).toBeLessThanOrEqual(0.15);
      }),
    );
  });
});
