import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupSamples } from './dedup';
import { BLOOD_PRESSURE } from './test-factories';
import { oneDeviceArb, RULES, rulesArb, samplesArb, sceneArb } from './test-arbitraries';
import { compareSamples, rankSamples } from './rank';
import { dedupSpotChecks } from './dedup-spot-check';
import { referenceDedup } from './test-reference-dedup';
import type { Contribution, PipelineSample, TypeRules } from './types';

const RUNS = { numRuns: 300 };
const shape = (cs: readonly Contribution[]) => cs.map((c) => [c.sample.id, c.startMs, c.endMs, c.value]);
const total = (cs: readonly Contribution[]): number => cs.reduce((sum, c) => sum + c.value, 0);
const withSamples = (rules: TypeRules) => sceneArb.chain((scene) => samplesArb(rules, scene.base));
const BASE = Date.UTC(2024, 5, 12, 10); // mid-morning: no day edge near
const SPOT_CHECKS = [RULES.glucose, RULES.weight, BLOOD_PRESSURE, { ...RULES.glucose, ...RULES.glucose.streams!.cgm }];
const pairArb = fc.record({
  rules: fc.constantFrom(...SPOT_CHECKS),
  devices: fc.constantFrom(['a', 'b'], ['b', 'a'], ['a', 'a']),
  priorities: fc.tuple(fc.constantFrom(10, 40, 60, 100), fc.constantFrom(10, 40, 60, 100)),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  value: fc.double({ min: 10, max: 500, noNaN: true }),
  excess: fc.double({ min: 0.001, max: 100, noNaN: true }),
  up: fc.boolean(),
});
const instant = (id: string, deviceId: string, priority: number, startMs: number, value: number, stream?: string): PipelineSample => ({
  id, deviceId, priority, startMs, endMs: startMs, value, ...(stream ? { stream } : {}),
});

describe('dedup properties', () => {
  it('matches a literal quadratic reading of dedup.md', () => {
    fc.assert(
      fc.property(rulesArb.chain((rules) => fc.tuple(fc.constant(rules), withSamples(rules))), ([rules, samples]) => {
        const fast = dedupSamples(samples, rules);
        const model = referenceDedup(samples, rules);
        const order = (a: Contribution, b: Contribution) => a.startMs - b.startMs || a.endMs - b.endMs || compareSamples(a.sample, b.sample);
        expect(shape(fast)).toEqual(shape(model.sort(order)));
      }),
      { numRuns: 1000 },
    );
  });

  it('one device only: dedup changes nothing', () => {
    fc.assert(
      fc.property(rulesArb.chain((rules) => fc.tuple(fc.constant(rules), sceneArb.chain((s) => oneDeviceArb(rules, s.base)))), ([rules, samples]) => {
        const byDuration = rules.dedupKind === 'CATEGORY_INTERVAL' || rules.dedupKind === 'WORKOUT';
        const counted = (s: PipelineSample) => (byDuration ? (s.endMs - s.startMs) / 60_000 : s.value);
        const expected = samples
          .filter((s) => rules.dedupKind !== 'CATEGORY_INTERVAL' || s.endMs > s.startMs) // zero minutes: nothing to count
          .map((s) => [s.id, s.startMs, s.endMs, counted(s)]);
        expect(shape(dedupSamples(samples, rules))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('cumulative total ≥ the top-ranked device’s own total and ≤ the sum over all devices', () => {
    fc.assert(
      fc.property(withSamples(RULES.steps), (samples) => {
        fc.pre(samples.length > 0);
        const overall = total(dedupSamples(samples, RULES.steps));
        const top = samples.slice().sort(compareSamples)[0].deviceId;
        const own = total(dedupSamples(samples.filter((s) => s.deviceId === top), RULES.steps));
        const raw = samples.reduce((sum, s) => sum + s.value, 0);
        expect(overall).toBeGreaterThanOrEqual(own - 1e-6);
        expect(overall).toBeLessThanOrEqual(raw + 1e-6);
      }),
      RUNS,
    );
  });

  it('is idempotent: deduplicating the counted parts again keeps them all', () => {
    fc.assert(
      fc.property(rulesArb.chain((rules) => fc.tuple(fc.constant(rules), withSamples(rules))), ([rules, samples]) => {
        const once = dedupSamples(samples, rules);
        const asSamples = once.map((c, i) => ({ ...c.sample, id: `${c.sample.id}#${i}`, startMs: c.startMs, endMs: c.endMs, value: c.value }));
        const twice = dedupSamples(asSamples, rules);
        expect(twice.map((c) => [c.sample.deviceId, c.startMs, c.endMs])).toEqual(once.map((c) => [c.sample.deviceId, c.startMs, c.endMs]));
        twice.forEach((c, i) => expect(c.value).toBeCloseTo(once[i].value, 9));
      }),
      RUNS,
    );
  });

  it('two spot-check readings whose values differ beyond the tolerance both count, whatever their devices, in any order', () => {
    fc.assert(
      fc.property(pairArb, ({ rules, devices, priorities, at, value, excess, up }) => {
        const { absolute, relative } = rules.tolerance!;
        // Just beyond |a − b| ≤ max(absolute, relative × the larger), above or below.
        const other = up ? Math.max(value + absolute, value / (1 - relative)) + excess : value - Math.max(absolute, relative * value) - excess;
        fc.pre(other > 0);
        const first = instant('x', devices[0], priorities[0], BASE, value);
        const second = instant('y', devices[1], priorities[1], BASE + Math.round(at * rules.matchWindowMs), other);
        for (const samples of [[first, second], [second, first]]) {
          expect(dedupSamples(samples, rules).map((c) => c.sample.id).sort()).toEqual(['x', 'y']);
          expect(referenceDedup(samples, rules).map((c) => c.sample.id).sort()).toEqual(['x', 'y']);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('two readings of different devices within the window and the tolerance are one: the higher-ranked counts', () => {
    fc.assert(
      fc.property(pairArb, ({ rules, priorities, at, value, excess, up }) => {
        const { absolute, relative } = rules.tolerance!;
        const slack = Math.min(excess, Math.max(absolute, relative * value)); // within tolerance
        const other = up ? value + slack : value - slack;
        const first = instant('x', 'a', priorities[0], BASE, value);
        const second = instant('y', 'b', priorities[1], BASE + Math.round(at * rules.matchWindowMs), other);
        const winner = [first, second].sort(compareSamples)[0].id;
        for (const samples of [[first, second], [second, first]]) expect(dedupSamples(samples, rules).map((c) => c.sample.id)).toEqual([winner]);
      }),
      { numRuns: 500 },
    );
  });

  it('a CGM reading and a meter reading never cancel each other, even at the same time and value', () => {
    fc.assert(
      fc.property(pairArb, ({ priorities, at, value }) => {
        const cgm = instant('c', 'a', priorities[0], BASE, value, 'cgm');
        const meter = instant('m', 'b', priorities[1], BASE + Math.round(at * 60_000), value);
        for (const samples of [[cgm, meter], [meter, cgm]]) expect(dedupSamples(samples, RULES.glucose).map((c) => c.sample.id).sort()).toEqual(['c', 'm']);
      }),
      RUNS,
    );
  });

  it('spot checks: scanning each window and counting it in the trees keep the same readings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPOT_CHECKS).chain((rules) => fc.tuple(fc.constant(rules), withSamples(rules))), ([rules, samples]) => {
        const ranked = rankSamples(samples);
        const ids = (scanLimit: number) => dedupSpotChecks(ranked, rules.matchWindowMs, rules.tolerance!, scanLimit).map((c) => c.sample.id);
        expect(ids(0)).toEqual(ids(Infinity));
        expect(ids(2)).toEqual(ids(Infinity)); // both, in one run
      }),
      { numRuns: 500 },
    );
  });
});
