// The one ordering in which samples are considered (dedup.md, "Priority"). Every tie is broken, so
// no result depends on arrival order.

import type { PipelineSample } from './types';

export const MINUTE_MS = 60_000;

/** Negative when `a` ranks higher: priority desc, device asc, duration asc, start asc, id asc. */
export function compareSamples(a: PipelineSample, b: PipelineSample): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  const durationA = sampleEnd(a) - a.startMs;
  const durationB = sampleEnd(b) - b.startMs;
  if (durationA !== durationB) return durationA - durationB;
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Samples sorted best first (same order as compareSamples, on numeric keys for speed). */
export function rankSamples(samples: readonly PipelineSample[]): PipelineSample[] {
  const n = samples.length;
  const deviceOrder = new Map([...new Set(samples.map((s) => s.deviceId))].sort().map((d, i) => [d, i]));
  const priority = new Float64Array(n);
  const device = new Int32Array(n);
  const duration = new Float64Array(n);
  const start = new Float64Array(n);
  samples.forEach((s, i) => {
    priority[i] = s.priority;
    device[i] = deviceOrder.get(s.deviceId) as number;
    duration[i] = sampleEnd(s) - s.startMs;
    start[i] = s.startMs;
  });
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  order.sort(
    (a, b) =>
      priority[b] - priority[a] ||
      device[a] - device[b] ||
      duration[a] - duration[b] ||
      start[a] - start[b] ||
      compareSamples(samples[a], samples[b]),
  );
  return order.map((i) => samples[i]);
}

/** End of a sample; an end before the start is read as a zero-length sample rather than thrown on. */
export function sampleEnd(sample: PipelineSample): number {
  return sample.endMs > sample.startMs ? sample.endMs : sample.startMs;
}
