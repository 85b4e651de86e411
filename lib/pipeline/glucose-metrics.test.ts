// The consensus metrics and the AGP against a literal reference written another way: the period walked
// minute by minute (each minute belongs to the reading covering it, or to nobody), percentiles by the
// textbook formula, local slots by Intl. Traces with known answers (constant, steps, gaps, DST days, mmol/L
// input converted as the ingest converts it) and properties over random traces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agpSlots, cgmMetrics, gmiOf, missedTargets, percentile, rangeOf, roundShares, samplingInterval, targetSet, type GlucosePoint, type RangeKey } from './glucose-metrics';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 2, 0, 0); // a Monday, away from any DST change in UTC
const every = (minutes: number, values: readonly number[], start = T0): GlucosePoint[] => values.map((mgdl, i) => ({ atMs: start + i * minutes * MIN, mgdl }));
const RANGES: RangeKey[] = ['veryLow', 'low', 'target', 'high', 'veryHigh'];

/** Reference: minute by minute over [from, to), the reading covering the minute (at or before it, within its interval). */
function reference(points: GlucosePoint[], fromMs: number, toMs: number) {
  const sorted = points.filter((p) => p.atMs >= fromMs && p.atMs < toMs).sort((a, b) => a.atMs - b.atMs);
  const gaps = sorted.slice(1).map((p, i) => p.atMs - sorted[i]!.atMs).filter((g) => g > 0).sort((a, b) => a - b);
  const interval = gaps.length ? Math.min(15 * MIN, Math.max(MIN, gaps[Math.floor((gaps.length - 1) / 2)]!)) : 5 * MIN;
  const minutes: number[] = [];
  let j = 0;
  for (let t = fromMs; t < toMs; t += MIN) {
    while (j + 1 < sorted.length && sorted[j + 1]!.atMs <= t) j++;
    const p = sorted[j];
    if (p && p.atMs <= t && t < p.atMs + interval) minutes.push(p.mgdl);
  }
  // Classified as stated, at whole mg/dL.
  const count = (pred: (v: number) => boolean) => (100 * minutes.filter((v) => pred(Math.round(v))).length) / minutes.length;
  const mean = minutes.reduce((a, b) => a + b, 0) / minutes.length;
  const sd = Math.sqrt(minutes.reduce((a, v) => a + (v - mean) ** 2, 0) / minutes.length);
  return {
    active: (100 * minutes.length) / ((toMs - fromMs) / MIN),
    mean,
    sd,
    ranges: { veryLow: count((v) => v < 54), low: count((v) => v >= 54 && v < 70), target: count((v) => v >= 70 && v <= 180), high: count((v) => v > 180 && v <= 250), veryHigh: count((v) => v > 250) },
  };
}

describe('cgmMetrics: known answers', () => {
  it('a constant 120 mg/dL for 14 days: all in range, mean 120, SD 0, GMI 6.18 %, fully active', () => {
    const values = Array<number>(14 * 288).fill(120);
    const m = cgmMetrics(every(5, values), T0, T0 + 14 * 86_400_000, { timeZone: 'UTC' })!;
    expect(m.ranges).toEqual({ veryLow: 0, low: 0, target: 100, high: 0, veryHigh: 0 });
    expect(m).toMatchObject({ readings: 4032, days: 14, mean: 120, sd: 0, cv: 0 });
    expect(m.activePercent).toBeCloseTo(100, 10);
    expect(m.gmi).toBeCloseTo(3.31 + 0.02392 * 120, 10);
  });

  it('a step: 12 h at 60 then 12 h at 200 is half low, half high; mean 130, SD 70, CV 53.8 %', () => {
    const m = cgmMetrics(every(5, [...Array<number>(144).fill(60), ...Array<number>(144).fill(200)]), T0, T0 + 86_400_000)!;
    expect(m.ranges.low).toBeCloseTo(50, 10);
    expect(m.ranges.high).toBeCloseTo(50, 10);
    expect(m.mean).toBeCloseTo(130, 10);
    expect(m.sd).toBeCloseTo(70, 10);
    expect(m.cv).toBeCloseTo((100 * 70) / 130, 10);
  });

  it('time, not counts: a burst of one-minute readings does not outweigh the hours around it', () => {
    // 24 h of 5-minute readings at 100, then a backfilled burst of 60 readings a minute apart at 300 in the
    // middle: 60 minutes of very high time (1/24 of the day), not 60/348 of the readings.
    const day = every(5, Array<number>(288).fill(100)).filter((p) => p.atMs < T0 + 12 * 3_600_000 || p.atMs >= T0 + 13 * 3_600_000);
    const burst = every(1, Array<number>(60).fill(300), T0 + 12 * 3_600_000);
    const m = cgmMetrics([...day, ...burst], T0, T0 + 86_400_000)!;
    expect(m.ranges.veryHigh).toBeCloseTo(100 / 24, 6);
    expect(m.ranges).toEqual(expect.objectContaining(reference([...day, ...burst], T0, T0 + 86_400_000).ranges));
  });

  it('gaps count as no time at all: a sensor off for 6 of 24 hours lowers the active % to 75, never the ranges', () => {
    const points = every(5, Array<number>(288).fill(100)).filter((p) => p.atMs < T0 + 6 * 3_600_000 || p.atMs >= T0 + 12 * 3_600_000);
    const m = cgmMetrics(points, T0, T0 + 86_400_000)!;
    expect(m.activePercent).toBeCloseTo(75, 10);
    expect(m.ranges.target).toBeCloseTo(100, 10);
  });

  it('15-minute sensors (Libre 1): each reading stands for 15 minutes, never longer', () => {
    expect(samplingInterval(every(15, [100, 100, 100]))).toBe(15 * MIN);
    expect(samplingInterval(every(30, [100, 100, 100]))).toBe(15 * MIN);
    expect(samplingInterval([{ atMs: T0, mgdl: 100 }])).toBe(5 * MIN);
    const m = cgmMetrics(every(15, Array<number>(96).fill(150)), T0, T0 + 86_400_000)!;
    expect(m.activePercent).toBeCloseTo(100, 10);
  });

  it('bounds at whole mg/dL: 70 and 180 in range, 54 low, 250 high; pregnancy 63–140', () => {
    expect([53, 54, 69, 70, 180, 181, 250, 251].map((v) => rangeOf(v))).toEqual(['veryLow', 'low', 'low', 'target', 'target', 'high', 'high', 'veryHigh']);
    expect([53.4, 53.5, 69.4, 69.5, 180.4, 180.5, 250.4, 250.5].map((v) => rangeOf(v))).toEqual(['veryLow', 'low', 'low', 'target', 'target', 'high', 'high', 'veryHigh']);
    const p = targetSet('PREGNANCY_TYPE_1');
    expect([62, 63, 140, 141].map((v) => rangeOf(v, p.low, p.high))).toEqual(['low', 'target', 'target', 'high']);
  });

  it('mmol/L input converted at ingest (× 18.016) lands in the consensus’s mmol/L ranges (< 3.0, 3.0–3.8, 3.9–10.0, 10.1–13.9, > 13.9)', () => {
    const mmol = [2.9, 3.0, 3.8, 3.9, 10.0, 10.1, 13.9, 14.0];
    expect(mmol.map((v) => rangeOf(v * 18.016))).toEqual(['veryLow', 'low', 'low', 'target', 'target', 'high', 'high', 'veryHigh']);
  });

  it('a running period counts only its elapsed part: half a day of data by noon is fully active', () => {
    const m = cgmMetrics(every(5, Array<number>(144).fill(100)), T0, T0 + 12 * 3_600_000)!;
    expect(m.activePercent).toBeCloseTo(100, 10);
  });

  it('nothing in the period: null', () => {
    expect(cgmMetrics(every(5, [100]), T0 + MIN, T0 + 86_400_000)).toBeNull();
  });
});

describe('targets per preset: strict bounds', () => {
  const shares = (o: Partial<Record<RangeKey, number>>) => ({ veryLow: 0, low: 0, target: 0, high: 0, veryHigh: 0, ...o });
  it('standard: exactly 4 % below 70 misses "< 4 %"; 70 % in range misses "> 70 %"', () => {
    const missed = missedTargets(shares({ low: 4, target: 70, high: 26 }), targetSet('STANDARD')).map((t) => t.label);
    expect(missed).toEqual(['in range 70–180 mg/dL', 'below 70 mg/dL', 'above 180 mg/dL']);
    expect(missedTargets(shares({ low: 3.9, target: 71.2, high: 24.9 }), targetSet('STANDARD'))).toEqual([]);
  });
  it('older / high risk: > 50 % in range, < 1 % below 70, < 10 % above 250', () => {
    expect(missedTargets(shares({ low: 0.5, target: 60, high: 34.5, veryHigh: 5 }), targetSet('OLDER_HIGH_RISK'))).toEqual([]);
    expect(missedTargets(shares({ low: 1, target: 60, high: 29, veryHigh: 10 }), targetSet('OLDER_HIGH_RISK')).map((t) => t.share)).toEqual(['below', 'veryHigh']);
  });
});

describe('AGP', () => {
  it('percentile: type 7 interpolation', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(percentile([10], 0.95)).toBe(10);
  });

  it('96 slots from local midnight; each slot the percentiles of its readings over the days', () => {
    // 14 days, one reading per 15 minutes, value = day index × 10 + 100: each slot holds the 14 values.
    const points: GlucosePoint[] = [];
    for (let d = 0; d < 14; d++) for (let s = 0; s < 96; s++) points.push({ atMs: T0 + d * 86_400_000 + s * 15 * MIN, mgdl: 100 + 10 * d });
    const slots = agpSlots(points, T0, T0 + 14 * 86_400_000, 'UTC');
    expect(slots).toHaveLength(96);
    const values = Array.from({ length: 14 }, (_, d) => 100 + 10 * d);
    for (const slot of slots) {
      expect(slot.n).toBe(14);
      expect(slot.p50).toBeCloseTo(percentile(values, 0.5), 10);
      expect(slot.p5).toBeCloseTo(100 + 0.05 * 13 * 10, 10);
    }
    expect(slots.map((s) => s.minute).slice(0, 3)).toEqual([0, 15, 30]);
  });

  it('the patient’s zone decides the slot: 00:00 in Kolkata is slot 0, and an empty slot is a gap', () => {
    const midnightKolkata = Date.UTC(2026, 10, 1, 18, 30); // 2026-11-02 00:00 +05:30
    const slots = agpSlots([{ atMs: midnightKolkata, mgdl: 90 }, { atMs: midnightKolkata + 61 * MIN, mgdl: 110 }], midnightKolkata, midnightKolkata + 86_400_000, 'Asia/Kolkata');
    expect(slots[0]).toMatchObject({ minute: 0, n: 1, p50: 90 });
    expect(slots[4]).toMatchObject({ minute: 60, n: 1, p50: 110 });
    expect(slots[1]).toEqual({ minute: 15, p5: null, p25: null, p50: null, p75: null, p95: null, n: 0 });
  });

  it('DST: on the spring-forward day in New York 02:00–02:59 is empty, and 03:00 local is slot 12', () => {
    const start = Date.UTC(2026, 2, 8, 5); // 2026-03-08 00:00 EST
    const points = every(15, Array<number>(92).fill(100), start).map((p, i) => ({ ...p, mgdl: 100 + i })); // 23 h
    const slots = agpSlots(points, start, start + 23 * 3_600_000, 'America/New_York');
    expect(slots.slice(8, 12).every((s) => s.n === 0)).toBe(true);
    // The 9th reading (index 8) is at 02:00 EST = 03:00 EDT.
    expect(slots[12]).toMatchObject({ n: 1, p50: 108 });
    expect(slots.reduce((a, s) => a + s.n, 0)).toBe(92);
  });
});

describe('roundShares', () => {
  it('whole numbers that sum to 100, and a share above zero never printed as zero', () => {
    expect(roundShares({ veryLow: 0.3, low: 2.2, target: 70.4, high: 20.6, veryHigh: 6.5 }, 0)).toEqual({ veryLow: 1, low: 2, target: 70, high: 21, veryHigh: 6 });
    expect(roundShares({ veryLow: 0, low: 0, target: 100, high: 0, veryHigh: 0 }, 0)).toEqual({ veryLow: 0, low: 0, target: 100, high: 0, veryHigh: 0 });
  });
});

describe('properties over random traces', () => {
  const trace = fc.array(
    fc.record({ gap: fc.integer({ min: 1, max: 60 }), mgdl: fc.double({ min: 40, max: 400, noNaN: true }) }),
    { minLength: 1, maxLength: 300 },
  );
  const toPoints = (t: { gap: number; mgdl: number }[]) => {
    let at = T0;
    return t.map(({ gap, mgdl }) => ({ atMs: (at += gap * MIN), mgdl }));
  };

  it('equals the minute-by-minute reference (ranges, active %, mean, SD)', () => {
    fc.assert(
      fc.property(trace, (t) => {
        const points = toPoints(t);
        const toMs = points[points.length - 1]!.atMs + 30 * MIN;
        const m = cgmMetrics(points, T0, toMs)!;
        const r = reference(points, T0, toMs);
        for (const k of RANGES) expect(m.ranges[k]).toBeCloseTo(r.ranges[k], 6);
        expect(m.activePercent).toBeCloseTo(r.active, 6);
        expect(m.mean).toBeCloseTo(r.mean, 6);
        expect(m.sd).toBeCloseTo(r.sd, 4);
      }),
      { numRuns: 200 },
    );
  });

  it('ranges sum to 100 (and their rounding too), percentiles are ordered, GMI follows the mean', () => {
    fc.assert(
      fc.property(trace, (t) => {
        const points = toPoints(t);
        const toMs = points[points.length - 1]!.atMs + MIN;
        const m = cgmMetrics(points, T0, toMs)!;
        expect(RANGES.reduce((a, k) => a + m.ranges[k], 0)).toBeCloseTo(100, 9);
        for (const d of [0, 1]) expect(RANGES.reduce((a, k) => a + roundShares(m.ranges, d)[k], 0)).toBeCloseTo(100, 9);
        expect(m.gmi).toBeCloseTo(gmiOf(m.mean), 12);
        for (const s of agpSlots(points, T0, toMs, 'Asia/Kolkata')) {
          if (s.n === 0) continue;
          expect(s.p5!).toBeLessThanOrEqual(s.p25!);
          expect(s.p25!).toBeLessThanOrEqual(s.p50!);
          expect(s.p50!).toBeLessThanOrEqual(s.p75!);
          expect(s.p75!).toBeLessThanOrEqual(s.p95!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gaps never count as in range: removing readings never raises time in range above what the readings show', () => {
    fc.assert(
      fc.property(trace, (t) => {
        const points = toPoints(t).map((p) => ({ ...p, mgdl: 300 })); // all very high
        const m = cgmMetrics(points, T0, points[points.length - 1]!.atMs + 24 * 3_600_000)!;
        expect(m.ranges.target).toBe(0);
        expect(m.activePercent).toBeLessThan(100);
      }),
      { numRuns: 100 },
    );
  });
});
