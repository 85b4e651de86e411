// Literal, quadratic reading of dedup.md, used only by tests as the model the fast sweeps must match.

import { toleranceRange } from './dedup-spot-check';
import { compareSamples, MINUTE_MS, sampleEnd } from './rank';
import type { Contribution, PipelineSample, TypeRules } from './types';

type Span = [number, number];

const streamOf = (s: PipelineSample, rules: TypeRules): string => (s.stream && rules.streams?.[s.stream] ? s.stream : '');

export function referenceDedup(samples: readonly PipelineSample[], rules: TypeRules): Contribution[] {
  const ranked = samples.slice().sort(compareSamples);
  const kept: Contribution[] = [];
  const covered: Span[] = [];
  const points: number[] = [];
  for (const s of ranked) {
    const end = sampleEnd(s);
    if (rules.dedupKind === 'INSTANT') {
      // Streams never cancel each other; spot checks (a tolerance) must also agree in value.
      const stream = streamOf(s, rules);
      const rule = stream === '' ? rules : (rules.streams?.[stream] ?? rules);
      const [low, high] = rule.tolerance ? toleranceRange(s.value, rule.tolerance) : [-Infinity, Infinity];
      const clash = kept.some((k) =>
        streamOf(k.sample, rules) === stream &&
        k.sample.deviceId !== s.deviceId &&
        Math.abs(k.startMs - s.startMs) <= rule.matchWindowMs &&
        low <= k.value && k.value <= high);
      if (!clash) kept.push({ sample: s, startMs: s.startMs, endMs: s.startMs, value: s.value });
    } else if (rules.dedupKind === 'WORKOUT') {
      const clash = kept.some((k) => {
        if (k.sample.deviceId === s.deviceId) return false;
        const overlap = Math.min(k.endMs, end) - Math.max(k.startMs, s.startMs);
        return overlap > Math.min(k.endMs - k.startMs, end - s.startMs) / 2;
      });
      if (!clash) kept.push({ sample: s, startMs: s.startMs, endMs: end, value: (end - s.startMs) / MINUTE_MS });
    } else if (end === s.startMs) {
      const isCovered = points.includes(s.startMs) || covered.some(([a, b]) => a <= s.startMs && s.startMs < b);
      if (!isCovered && rules.dedupKind === 'CUMULATIVE') kept.push({ sample: s, startMs: s.startMs, endMs: end, value: s.value });
      points.push(s.startMs);
    } else {
      for (const [a, b] of uncovered(covered, s.startMs, end)) {
        const value = rules.dedupKind === 'CUMULATIVE' ? (s.value * (b - a)) / (end - s.startMs) : (b - a) / MINUTE_MS;
        kept.push({ sample: s, startMs: a, endMs: b, value });
      }
      covered.push([s.startMs, end]);
    }
  }
  return kept;
}

function uncovered(covered: readonly Span[], start: number, end: number): Span[] {
  const cuts = [start, end, ...covered.flat().filter((t) => t > start && t < end)].sort((a, b) => a - b);
  const free: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    if (a === b || covered.some(([x, y]) => x <= a && b <= y)) continue;
    const last = free[free.length - 1];
    if (last && last[1] === a) last[1] = b;
    else free.push([a, b]);
  }
  return free;
}
