// Cross-source dedup (dedup.md, "By kind of type"): decides which part of each raw sample counts.
// Raw samples are never changed; the result says what counted and from which sample.

import { dedupByCoverage } from './dedup-coverage';
import { dedupInstants } from './dedup-instant';
import { dedupSpotChecks } from './dedup-spot-check';
import { dedupWorkouts } from './dedup-workout';
import { compareSamples, rankSamples } from './rank';
import type { Contribution, PipelineSample, TypeRules } from './types';

/** Counted parts of samples of one type and user, ordered by start, end, then rank. */
export function dedupSamples(samples: readonly PipelineSample[], rules: TypeRules): Contribution[] {
  // Each strategy returns its parts already in canonical order: start, end, then rank.
  const ranked = rankSamples(samples);
  switch (rules.dedupKind) {
    case 'CUMULATIVE':
      return dedupByCoverage(ranked, false);
    case 'CATEGORY_INTERVAL':
      return dedupByCoverage(ranked, true);
    case 'INSTANT':
      return dedupInstantStreams(ranked, rules);
    case 'WORKOUT':
      return dedupWorkouts(ranked);
  }
}

/** The stream a reading belongs to: one named in the rules, else the type's own (''). */
export function streamOf(sample: PipelineSample, rules: TypeRules): string {
  return sample.stream && rules.streams && Object.hasOwn(rules.streams, sample.stream) ? sample.stream : '';
}

// Each stream is deduplicated on its own, by its own rule; streams never cancel each other.
function dedupInstantStreams(ranked: readonly PipelineSample[], rules: TypeRules): Contribution[] {
  const byStream = new Map<string, PipelineSample[]>();
  for (const s of ranked) {
    const key = streamOf(s, rules);
    const group = byStream.get(key);
    if (group) group.push(s);
    else byStream.set(key, [s]);
  }
  const parts = [...byStream].flatMap(([key, group]) => {
    const rule = key === '' ? rules : (rules.streams?.[key] ?? rules);
    return rule.tolerance ? dedupSpotChecks(group, rule.matchWindowMs, rule.tolerance) : dedupInstants(group, rule.matchWindowMs);
  });
  // Summed instants are doses (insulin, carbs): a kept dose counts over its own interval, so a temp
  // basal's units are spread over the hours it ran, as any interval of a summed type is.
  if (rules.aggregation === 'SUM') return sortContributions(parts.map((c) => ({ ...c, endMs: c.sample.endMs })));
  return byStream.size > 1 ? sortContributions(parts) : parts;
}

/** Canonical order of contributions, so that sums are added in one order whatever the input order. */
export function sortContributions(contributions: readonly Contribution[]): Contribution[] {
  return contributions.slice().sort(compareContributions);
}

function compareContributions(a: Contribution, b: Contribution): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || compareSamples(a.sample, b.sample);
}
