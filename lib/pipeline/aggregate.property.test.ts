import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { dedupSamples } from './dedup';
import { rebatch, RULES, rulesArb, samplesArb, SCENES, sceneArb } from './test-arbitraries';
import type { AggregateRow, PipelineSample, TypeRules } from './types';

const RUNS = { numRuns: 300 };
type Case = { rules: TypeRules; timeZone: string; samples: PipelineSample[] };

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(rulesArb, sceneArb)
  .chain(([rules, scene]) => samplesArb(rules, scene.base).map((samples) => ({ rules, timeZone: scene.timeZone, samples })));

function pipeline({ rules, timeZone, samples }: Case): AggregateRow[] {
  return aggregate({ contributions: dedupSamples(samples, rules), rules, timeZone });
}

const sumOf = (rows: AggregateRow[], period: string, pick: (r: AggregateRow) => number): number =>
  rows.filter((r) => r.period === period).reduce((sum, r) => sum + pick(r), 0);

describe('aggregate properties', () => {
  it('same samples in any order or batching → identical aggregates, and recomputing gives the same rows', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.nat(), { maxLength: 4 }), fc.nat(), (c, cuts, seed) => {
        const expected = pipeline(c);
        const shuffled = c.samples.map((s, i) => ({ s, k: (i * 7919 + seed) % 104_729 })).sort((a, b) => a.k - b.k).map((x) => x.s);
        expect(pipeline({ ...c, samples: shuffled })).toEqual(expected);
        expect(pipeline({ ...c, samples: rebatch(c.samples, cuts) })).toEqual(expected);
        expect(pipeline(c)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('a lower-ranked sample entirely inside covered time changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, pick, u, v) => {
        const counted = dedupSamples(c.samples, c.rules).filter((k) => c.rules.dedupKind !== 'WORKOUT' || k.endMs > k.startMs);
        fc.pre(counted.length > 0);
        const host = counted[pick % counted.length];
        // An instant is covered within its stream's window and, for spot checks, at the host's own value.
        const rule = (host.sample.stream && c.rules.streams?.[host.sample.stream]) || c.rules;
        const window = c.rules.dedupKind === 'INSTANT' ? rule.matchWindowMs : 0;
        const span = host.endMs - host.startMs;
        const [a, b] = [Math.min(u, v), Math.max(u, v)];
        // [start, end) is half-open: an intruder starting at the host's end would not be inside it.
        const startMs = host.startMs - window + Math.min(Math.floor(a * (span + 2 * window)), Math.max(0, span + 2 * window - 1));
        const endMs = c.rules.dedupKind === 'INSTANT' ? startMs : Math.max(startMs, host.startMs + Math.floor(b * span));
        fc.pre(c.rules.dedupKind !== 'WORKOUT' || endMs > startMs); // a zero-length workout overlaps nothing
        const value = rule.tolerance ? host.value : 999;
        const intruder: PipelineSample = { id: 'intruder', deviceId: 'zz-low', priority: -1, startMs, endMs, value, stream: host.sample.stream };
        expect(pipeline({ ...c, samples: [...c.samples, intruder] })).toEqual(pipeline(c));
      }),
      RUNS,
    );
  });

  it('bucket splits conserve totals: Σ hours = Σ days = Σ weeks = Σ months = Σ counted', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const contributions = dedupSamples(c.samples, c.rules);
        const rows = aggregate({ contributions, rules: c.rules, timeZone: c.timeZone });
        const isSum = c.rules.aggregation === 'SUM';
        const pick = (r: AggregateRow) => (isSum ? r.value : c.rules.aggregation === 'AVERAGE' ? r.value * r.count : r.count);
        const expected = isSum || c.rules.aggregation === 'AVERAGE' ? contributions.reduce((s, k) => s + k.value, 0) : contributions.length;
        for (const period of ['HOUR', 'DAY', 'WEEK', 'MONTH']) {
          expect(sumOf(rows, period, pick)).toBeCloseTo(expected, 6);
          if (isSum) expect(sumOf(rows, period, (r) => Object.values(r.sources).reduce((s, x) => s + x, 0))).toBeCloseTo(expected, 6);
        }
        const counts = ['HOUR', 'DAY', 'WEEK', 'MONTH'].map((p) => sumOf(rows, p, (r) => r.count));
        expect(new Set(counts).size).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('hourly rows of a DST day sum to real elapsed time for a continuous sample', () => {
    for (const { timeZone, base } of SCENES) {
      const samples: PipelineSample[] = [{ id: 'x', deviceId: 'a', priority: 1, startMs: base, endMs: base + 72 * 3_600_000, value: 72 * 60 }];
      const rows = aggregate({ contributions: dedupSamples(samples, RULES.steps), rules: RULES.steps, timeZone });
      for (const r of rows.filter((row) => row.period === 'HOUR')) expect(r.value).toBeGreaterThan(0);
      expect(sumOf(rows, 'HOUR', (r) => r.value)).toBeCloseTo(72 * 60, 6);
      expect(sumOf(rows, 'DAY', (r) => r.value)).toBeCloseTo(72 * 60, 6);
    }
  });
});
