// INSTANT dedup of spot checks (glucose, blood pressure, temperature, weight, body fat): a reading is
// dropped only when a kept reading from another device, considered earlier, lies within ± the match
// window AND its value agrees within the tolerance (dedup.md); a recheck minutes later with another
// value is what a clinician needs to see. A sparse window (the usual case) is scanned; in a dense one,
// readings from another device are counted as all kept readings in the time × value rectangle minus the
// reading's own device's, each in an offline 2-D Fenwick tree: O(n log² n) time and O(n log n) memory.

import { gather, indicesSortedBy, inversePermutation, lowerBound } from './arrays';
import type { Contribution, PipelineSample, ValueTolerance } from './types';

// Unit conversion noise (a weight sent in lb) must not turn an exact 0.2 kg match into a recheck.
const EPSILON = 1e-9;

/** The values that agree with `value`: [v − max(a, r·v), max(v + a, v / (1 − r))], the closed form of
 * |k − v| ≤ max(a, r · max(k, v)) for positive values. */
export function toleranceRange(value: number, tolerance: ValueTolerance): [number, number] {
  const { absolute, relative } = tolerance;
  const low = value - Math.max(absolute, relative * value);
  const high = relative > 0 && relative < 1 ? Math.max(value + absolute, value / (1 - relative)) : value + absolute;
  return [low - EPSILON, high + EPSILON];
}

/**
 * Counts added points in time × value rectangles. The points that may be added are known upfront, so
 * each Fenwick node over time holds the sorted values of its points (one flat array) and a Fenwick
 * tree over them: O(log² n) per add or count.
 */
class RectangleCounter {
  private readonly times: Float64Array;
  private readonly offset: Int32Array; // node's values are values[offset[node] .. offset[node + 1])
  private readonly values: Float64Array;
  private readonly counts: Int32Array; // node's Fenwick tree: counts[offset[node] + node + k], k ≥ 1

  constructor(points: readonly PipelineSample[]) {
    const times = Float64Array.from(new Set(points.map((p) => p.startMs))).sort();
    const m = times.length;
    const offset = new Int32Array(m + 2);
    const timeIndex = points.map((p) => lowerBound(times, p.startMs) + 1);
    for (const t of timeIndex) for (let node = t; node <= m; node += node & -node) offset[node + 1] += 1;
    for (let node = 1; node <= m + 1; node += 1) offset[node] += offset[node - 1];
    const values = new Float64Array(offset[m + 1]);
    const filled = offset.slice();
    // Filling in value order leaves every node's values sorted.
    const byValue = points.map((_, i) => i).sort((a, b) => points[a].value - points[b].value);
    for (const i of byValue) {
      for (let node = timeIndex[i]; node <= m; node += node & -node) values[filled[node]++] = points[i].value;
    }
    this.times = times;
    this.offset = offset;
    this.values = values;
    this.counts = new Int32Array(offset[m + 1] + m + 2);
  }

  add(point: PipelineSample): void {
    const m = this.times.length;
    for (let node = lowerBound(this.times, point.startMs) + 1; node <= m; node += node & -node) {
      const from = this.offset[node];
      const to = this.offset[node + 1];
      const base = from + node;
      for (let k = lowerBound(this.values, point.value, false, from, to) - from + 1; k <= to - from; k += k & -k) this.counts[base + k] += 1;
    }
  }

  count(fromMs: number, toMs: number, low: number, high: number): number {
    return this.prefix(lowerBound(this.times, toMs, true), low, high) - this.prefix(lowerBound(this.times, fromMs), low, high);
  }

  /** Added points among the first `timeCount` distinct times with low ≤ value ≤ high. */
  private prefix(timeCount: number, low: number, high: number): number {
    let total = 0;
    for (let node = timeCount; node > 0; node -= node & -node) {
      const from = this.offset[node];
      const to = this.offset[node + 1];
      const base = from + node;
      total += this.sum(base, lowerBound(this.values, high, true, from, to) - from) - this.sum(base, lowerBound(this.values, low, false, from, to) - from);
    }
    return total;
  }

  private sum(base: number, upTo: number): number {
    let total = 0;
    for (let k = upTo; k > 0; k -= k & -k) total += this.counts[base + k];
    return total;
  }
}

/** A match window holding at most this many readings is scanned; a denser one is counted in the trees. */
export const SCAN_LIMIT = 32;

/** Kept readings of `ranked` (best first), each counted as its own value, in time order. */
export function dedupSpotChecks(ranked: readonly PipelineSample[], matchWindowMs: number, tolerance: ValueTolerance, scanLimit = SCAN_LIMIT): Contribution[] {
  const byDevice = new Map<string, PipelineSample[]>();
  for (const s of ranked) {
    const own = byDevice.get(s.deviceId);
    if (own) own.push(s);
    else byDevice.set(s.deviceId, [s]);
  }
  if (byDevice.size <= 1) return inTimeOrder(ranked); // one device never cancels its own readings
  // Readings a few minutes apart (a CGM, two uploaders of it) leave a handful in each window: scanning
  // them is O(n) overall. The trees, built the first time a window is dense, keep the worst case O(n log² n).
  const startByRank = new Float64Array(ranked.length);
  for (let r = 0; r < ranked.length; r += 1) startByRank[r] = ranked[r].startMs;
  const byTime = indicesSortedBy(startByRank);
  const times = gather(startByRank, byTime);
  const position = inversePermutation(byTime);
  const keptAt = new Uint8Array(ranked.length); // by time position
  let trees: { all: RectangleCounter; own: Map<string, RectangleCounter> } | null = null;
  const kept: PipelineSample[] = [];
  ranked.forEach((s, rank) => {
    const [low, high] = toleranceRange(s.value, tolerance);
    const from = s.startMs - matchWindowMs;
    const to = s.startMs + matchWindowMs;
    const first = lowerBound(times, from);
    const last = lowerBound(times, to, true);
    let matched = false;
    if (last - first <= scanLimit) {
      for (let i = first; i < last && !matched; i += 1) {
        const other = ranked[byTime[i]];
        matched = keptAt[i] === 1 && other.deviceId !== s.deviceId && other.value >= low && other.value <= high;
      }
    } else {
      if (trees === null) {
        trees = { all: new RectangleCounter(ranked), own: new Map([...byDevice].map(([device, samples]) => [device, new RectangleCounter(samples)])) };
        for (const k of kept) addTo(trees, k);
      }
      matched = trees.all.count(from, to, low, high) > (trees.own.get(s.deviceId) as RectangleCounter).count(from, to, low, high);
    }
    if (matched) return;
    keptAt[position[rank]] = 1;
    if (trees !== null) addTo(trees, s);
    kept.push(s);
  });
  return inTimeOrder(kept);
}

function addTo(trees: { all: RectangleCounter; own: Map<string, RectangleCounter> }, s: PipelineSample): void {
  trees.all.add(s);
  (trees.own.get(s.deviceId) as RectangleCounter).add(s);
}

// Stable sort of rank-ordered samples by time: rank breaks ties, the canonical output order.
function inTimeOrder(ranked: readonly PipelineSample[]): Contribution[] {
  return ranked
    .map((s, rank) => ({ s, rank }))
    .sort((a, b) => a.s.startMs - b.s.startMs || a.rank - b.rank)
    .map(({ s }) => ({ sample: s, startMs: s.startMs, endMs: s.startMs, value: s.value }));
}
