// fast-check generators shared by the property tests: a few devices with clashing priorities, and
// samples packed into three days around a DST change so overlaps and odd buckets are common.

import fc from 'fast-check';
import type { PipelineSample, TypeRules } from './types';

const MIN = 60_000;

export const SCENES = [
  { timeZone: 'Europe/Berlin', base: Date.UTC(2024, 2, 30, 6) }, // spring forward
  { timeZone: 'Europe/Berlin', base: Date.UTC(2024, 9, 26, 6) }, // fall back
  { timeZone: 'America/New_York', base: Date.UTC(2024, 10, 2, 12) }, // fall back
  { timeZone: 'Asia/Kolkata', base: Date.UTC(2024, 5, 29, 12) }, // month end, half-hour offset
] as const;

export const RULES: Record<string, TypeRules> = {
  steps: { dedupKind: 'CUMULATIVE', aggregation: 'SUM', matchWindowMs: 0 },
  heartRate: { dedupKind: 'INSTANT', aggregation: 'AVERAGE', matchWindowMs: 5 * MIN },
  weight: { dedupKind: 'INSTANT', aggregation: 'LATEST', matchWindowMs: 30 * MIN, tolerance: { absolute: 0.2, relative: 0 } },
  glucose: {
    dedupKind: 'INSTANT',
    aggregation: 'AVERAGE',
    matchWindowMs: 5 * MIN,
    tolerance: { absolute: 2, relative: 0.02 },
    streams: { cgm: { matchWindowMs: MIN, tolerance: { absolute: 2, relative: 0 } } },
  },
  sleep: { dedupKind: 'CATEGORY_INTERVAL', aggregation: 'SUM', matchWindowMs: 0, sessionGapMs: 60 * MIN },
  workouts: { dedupKind: 'WORKOUT', aggregation: 'SUM', matchWindowMs: 0 },
};

export const rulesArb = fc.constantFrom(...Object.values(RULES));
export const sceneArb = fc.constantFrom(...SCENES);

const priorityArb = fc.constantFrom(10, 50, 80, 100);

type Draft = { device: 'a' | 'b' | 'c'; start: number; minutes: number; value: number; cgm: boolean };

const draftArb = fc.record({
  device: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
  start: fc.oneof(fc.integer({ min: 0, max: 6 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 })), // dense or spread
  minutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 240 })),
  // Clustered values too, so that spot checks within tolerance of each other are common.
  value: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 96, max: 106 })),
  cgm: fc.boolean(),
});

/** Samples of one type for one user; instants for INSTANT rules. */
export function samplesArb(rules: TypeRules, base: number, maxLength = 40): fc.Arbitrary<PipelineSample[]> {
  return fc
    .tuple(fc.record({ a: priorityArb, b: priorityArb, c: priorityArb }), fc.array(draftArb, { maxLength }))
    .map(([priorities, drafts]) => drafts.map((d: Draft, i) => {
      const startMs = base + d.start * MIN;
      const length = rules.dedupKind === 'INSTANT' ? 0 : d.minutes * MIN;
      const stream = rules.streams && d.cgm ? { stream: 'cgm' } : {};
      return { id: `s${i}`, deviceId: d.device, priority: priorities[d.device], startMs, endMs: startMs + length, value: d.value, ...stream };
    }));
}

/** Non-overlapping samples of one device (gaps of at least a minute), for "dedup changes nothing". */
export function oneDeviceArb(rules: TypeRules, base: number): fc.Arbitrary<PipelineSample[]> {
  const step = fc.record({ gap: fc.integer({ min: 1, max: 120 }), minutes: fc.integer({ min: 0, max: 180 }), value: fc.integer({ min: 0, max: 1000 }) });
  return fc.array(step, { maxLength: 30 }).map((steps) => {
    let cursor = base;
    return steps.map((s, i) => {
      const startMs = cursor + s.gap * MIN;
      const endMs = rules.dedupKind === 'INSTANT' ? startMs : startMs + s.minutes * MIN;
      cursor = endMs;
      return { id: `s${i}`, deviceId: 'solo', priority: 80, startMs, endMs, value: s.value };
    });
  });
}

/** Cuts a list into batches and joins them in reverse order: what arrival in several syncs looks like. */
export function rebatch<T>(items: readonly T[], cuts: readonly number[]): T[] {
  const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const batches: T[][] = [];
  let from = 0;
  for (const p of [...points, items.length]) {
    batches.push(items.slice(from, p));
    from = Math.max(from, p);
  }
  return batches.reverse().flat();
}
