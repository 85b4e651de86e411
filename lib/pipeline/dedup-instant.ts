// INSTANT dedup: a reading is dropped when a kept reading from another device, considered earlier,
// lies within ± the match window. Kept readings live in a segment tree over time-sorted positions
// whose nodes remember "no device", "one device d" or "several devices", so each query and insert
// is O(log n) even when one device has many readings inside the window. A reading's time is its
// start; the counted contribution is that instant.

import { gather, indicesSortedBy, inversePermutation, lowerBound } from './arrays';
import type { Contribution, PipelineSample } from './types';

const NONE = -1;
const MIXED = -2;

function combine(a: number, b: number): number {
  if (a === NONE) return b;
  if (b === NONE || a === b) return a;
  return MIXED;
}

/** Kept readings of `ranked` (best first), each counted as its own value, in time order. */
export function dedupInstants(ranked: readonly PipelineSample[], matchWindowMs: number): Contribution[] {
  const n = ranked.length;
  const startByRank = new Float64Array(n);
  for (let r = 0; r < n; r += 1) startByRank[r] = ranked[r].startMs;
  const byTime = indicesSortedBy(startByRank);
  const times = gather(startByRank, byTime);
  const position = inversePermutation(byTime);
  const deviceIndex = new Map<string, number>();
  let size = 1;
  while (size < n) size *= 2;
  const tree = new Int32Array(2 * size).fill(NONE);

  const othersWithin = (low: number, high: number, device: number): boolean => {
    for (let l = low + size, h = high + size; l < h; l >>= 1, h >>= 1) {
      if (l & 1) {
        const node = tree[l++];
        if (node !== NONE && node !== device) return true; // another device, or several
      }
      if (h & 1) {
        const node = tree[--h];
        if (node !== NONE && node !== device) return true;
      }
    }
    return false;
  };

  const kept = new Uint8Array(n);
  for (let r = 0; r < n; r += 1) {
    const sample = ranked[r];
    let device = deviceIndex.get(sample.deviceId);
    if (device === undefined) {
      device = deviceIndex.size;
      deviceIndex.set(sample.deviceId, device);
    }
    const low = lowerBound(times, sample.startMs - matchWindowMs);
    const high = lowerBound(times, sample.startMs + matchWindowMs, true);
    if (othersWithin(low, high, device)) continue;
    kept[r] = 1;
    let node = position[r] + size;
    tree[node] = device;
    for (node >>= 1; node >= 1; node >>= 1) {
      const summary = combine(tree[2 * node], tree[2 * node + 1]);
      if (tree[node] === summary) break; // ancestors already know
      tree[node] = summary;
    }
  }
  // Time order with rank breaking ties is already the canonical output order.
  return byTime
    .filter((r) => kept[r] === 1)
    .map((r) => ({ sample: ranked[r], startMs: ranked[r].startMs, endMs: ranked[r].startMs, value: ranked[r].value }));
}
