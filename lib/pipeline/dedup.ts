// Cross-source dedup (dedup.md, "By kind of type"): decides which part of each raw sample counts.
// Raw samples are never changed; the result says what counted and from which sample.

import { dedupByCoverage } from './dedup-coverage';
import { dedupInstants } from './dedup-instant';
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
      return dedupInstants(ranked, rules.matchWindowMs);
    case 'WORKOUT':
      return dedupWorkouts(ranked);
  }
}

/** Canonical order of contributions, so that sums are added in one order whatever the input order. */
export function sortContributions(contributions: readonly Contribution[]): Contribution[] {
  return contributions.slice().sort(compareContributions);
}

function compareContributions(a: Contribution, b: Contribution): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || compareSamples(a.sample, b.sample);
}
