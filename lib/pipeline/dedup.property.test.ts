import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupSamples } from './dedup';
import { oneDeviceArb, RULES, rulesArb, samplesArb, sceneArb } from './test-arbitraries';
import { compareSamples } from './rank';
import { referenceDedup } from './test-reference-dedup';
import type { Contribution, PipelineSample, TypeRules } from './types';

const RUNS = { numRuns: 300 };
const shape = (cs: readonly Contribution[]) => cs.map((c) => [c.sample.id, c.startMs, c.endMs, c.value]);
const total = (cs: readonly Contribution[]): number => cs.reduce((sum, c) => sum + c.value, 0);
const withSamples = (rules: TypeRules) => sceneArb.chain((scene) => samplesArb(rules, scene.base));

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
});
