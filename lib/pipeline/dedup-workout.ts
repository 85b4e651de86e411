// WORKOUT dedup: two workouts from different devices that overlap by more than half of the shorter
// one are the same workout, and the one considered first is kept. Kept workouts are found with a
// segment tree over start-sorted positions holding the latest kept end per node, so a query visits
// only kept workouts that really overlap (O(log n) each) and stops at the first match.

import { gather, indicesSortedBy, inversePermutation, lowerBound } from './arrays';
import { MINUTE_MS, sampleEnd } from './rank';
import type { Contribution, PipelineSample } from './types';

/** Kept workouts of `ranked` (best first), each counted as its duration in minutes, in time order. */
export function dedupWorkouts(ranked: readonly PipelineSample[]): Contribution[] {
  const n = ranked.length;
  const startByRank = new Float64Array(n);
  for (let r = 0; r < n; r += 1) startByRank[r] = ranked[r].startMs;
  const byStart = indicesSortedBy(startByRank);
  const starts = gather(startByRank, byStart);
  const position = inversePermutation(byStart);
  let size = 1;
  while (size < n) size *= 2;
  const maxEnd = new Float64Array(2 * size).fill(-Infinity);

  const sameWorkout = (r: number, other: number): boolean => {
    const a = ranked[r];
    const b = ranked[other];
    if (a.deviceId === b.deviceId) return false; // one device never cancels its own workouts
    const overlap = Math.min(sampleEnd(a), sampleEnd(b)) - Math.max(a.startMs, b.startMs);
    return overlap > Math.min(sampleEnd(a) - a.startMs, sampleEnd(b) - b.startMs) / 2;
  };

  // Any kept workout in positions [0, limit) of this node's range ending after `from` that matches.
  const findMatch = (node: number, nodeLow: number, nodeHigh: number, limit: number, from: number, r: number): boolean => {
    if (nodeLow >= limit || maxEnd[node] <= from) return false;
    if (node >= size) return sameWorkout(r, byStart[node - size]);
    const mid = (nodeLow + nodeHigh) >> 1;
    return findMatch(2 * node, nodeLow, mid, limit, from, r) || findMatch(2 * node + 1, mid, nodeHigh, limit, from, r);
  };

  const kept: number[] = [];
  for (let r = 0; r < n; r += 1) {
    const sample = ranked[r];
    const end = sampleEnd(sample);
    const limit = lowerBound(starts, end); // only workouts starting before this one ends can overlap
    if (n > 0 && findMatch(1, 0, size, limit, sample.startMs, r)) continue;
    kept.push(r);
    for (let node = position[r] + size; node >= 1; node >>= 1) {
      maxEnd[node] = node >= size ? end : Math.max(maxEnd[2 * node], maxEnd[2 * node + 1]);
    }
  }
  const ends = kept.map((r) => sampleEnd(ranked[r]));
  return kept
    .map((r, i) => ({ r, end: ends[i] }))
    .sort((a, b) => ranked[a.r].startMs - ranked[b.r].startMs || a.end - b.end || a.r - b.r)
    .map(({ r, end }) => ({ sample: ranked[r], startMs: ranked[r].startMs, endMs: end, value: (end - ranked[r].startMs) / MINUTE_MS }));
}
