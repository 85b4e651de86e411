// CUMULATIVE and CATEGORY_INTERVAL dedup: every moment belongs to the best-ranked sample covering it,
// which is exactly "a sample counts only for the part not covered by samples considered earlier".
// One sweep over sorted boundaries with a heap of active ranks: O(n log n), no pairwise comparison.

import { RankHeap } from './min-heap';
import { MINUTE_MS, sampleEnd } from './rank';
import type { Contribution, PipelineSample } from './types';

/** Counted parts of `ranked` (best first); `byMinutes` values parts by duration (category types). */
export function dedupByCoverage(ranked: readonly PipelineSample[], byMinutes: boolean): Contribution[] {
  const n = ranked.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const intervals: number[] = [];
  const instants: number[] = [];
  const points = new Float64Array(2 * n);
  for (let r = 0; r < n; r += 1) {
    starts[r] = ranked[r].startMs;
    ends[r] = sampleEnd(ranked[r]);
    (ends[r] > starts[r] ? intervals : instants).push(r);
    points[2 * r] = starts[r];
    points[2 * r + 1] = ends[r];
  }
  // Stable sorts keep rank order among equal times.
  intervals.sort((a, b) => starts[a] - starts[b]);
  instants.sort((a, b) => starts[a] - starts[b]);
  points.sort();

  // Parts are pushed when they open and completed when they close, so the output is already in
  // canonical order (start, then end, then rank) without a final sort.
  const out: Contribution[] = [];
  const heap = new RankHeap();
  let nextInterval = 0;
  let nextInstant = 0;
  let run: Contribution | null = null;
  let runOwner = -1;
  const closeRun = (): void => {
    if (!run) return;
    const length = ends[runOwner] - starts[runOwner];
    const part = run.endMs - run.startMs;
    run.value = byMinutes ? part / MINUTE_MS : (run.sample.value * part) / length;
    run = null;
    runOwner = -1;
  };

  for (let i = 0; i < points.length; i += 1) {
    const t = points[i];
    if (i > 0 && t === points[i - 1]) continue;
    while (nextInterval < intervals.length && starts[intervals[nextInterval]] <= t) {
      heap.push(intervals[nextInterval]);
      nextInterval += 1;
    }
    // Lazy deletion: finished samples leave only when they reach the top.
    while (heap.size > 0 && ends[heap.peek()] <= t) heap.pop();
    const owner = heap.peek();
    const next = nextDistinct(points, i);
    // A zero-length sample counts only if no better sample covers its instant; the best one at an
    // instant covers that instant for the rest.
    if (nextInstant < instants.length && starts[instants[nextInstant]] === t) {
      const best = instants[nextInstant];
      if (!byMinutes && (owner < 0 || owner > best)) {
        out.push({ sample: ranked[best], startMs: t, endMs: t, value: ranked[best].value });
      }
      while (nextInstant < instants.length && starts[instants[nextInstant]] === t) nextInstant += 1;
    }

    if (run && owner === runOwner) {
      run.endMs = next; // the same sample still wins: extend its part
      continue;
    }
    closeRun();
    if (owner >= 0) {
      run = { sample: ranked[owner], startMs: t, endMs: next, value: 0 };
      runOwner = owner;
      out.push(run);
    }
  }
  closeRun();
  return out;
}

function nextDistinct(points: Float64Array, i: number): number {
  let j = i + 1;
  while (j < points.length && points[j] === points[i]) j += 1;
  return j < points.length ? points[j] : points[i];
}
