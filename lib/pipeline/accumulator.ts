// Running totals of one bucket. They keep sum and count (not a mean) so day, week and month rows
// roll up exactly from hours, and the latest reading itself so LATEST rolls up too.

import { compareSamples } from './rank';
import type { AggregateRow, Aggregation, Contribution, Period } from './types';

export type Accumulator = {
  sum: number;
  count: number;
  min: number;
  max: number;
  latest: Contribution | null;
  sources: Map<string, number>;
};

/** The accumulator of a bucket key, created empty on first use. */
export function accumulatorAt(buckets: Map<number, Accumulator>, key: number): Accumulator {
  let acc = buckets.get(key);
  if (!acc) {
    acc = { sum: 0, count: 0, min: Infinity, max: -Infinity, latest: null, sources: new Map() };
    buckets.set(key, acc);
  }
  return acc;
}

/** Adds a value (a whole reading, or the part of an interval inside the bucket). */
export function addValue(acc: Accumulator, aggregation: Aggregation, c: Contribution, value: number, counted: boolean): void {
  acc.sum += value;
  if (counted) acc.count += 1;
  if (value < acc.min) acc.min = value;
  if (value > acc.max) acc.max = value;
  if (isLater(c, acc.latest)) acc.latest = c;
  const device = c.sample.deviceId;
  acc.sources.set(device, (acc.sources.get(device) ?? 0) + (aggregation === 'SUM' ? value : 1));
}

/** Folds a finer bucket into a coarser one. */
export function mergeInto(target: Accumulator, source: Accumulator): void {
  target.sum += source.sum;
  target.count += source.count;
  target.min = Math.min(target.min, source.min);
  target.max = Math.max(target.max, source.max);
  if (source.latest && isLater(source.latest, target.latest)) target.latest = source.latest;
  for (const [device, value] of source.sources) target.sources.set(device, (target.sources.get(device) ?? 0) + value);
}

export function toRow(acc: Accumulator, aggregation: Aggregation, period: Period, periodStart: string): AggregateRow {
  const sources: Record<string, number> = {};
  for (const device of [...acc.sources.keys()].sort()) sources[device] = acc.sources.get(device) as number;
  const readings = aggregation !== 'SUM';
  return {
    period,
    periodStart,
    value: aggregation === 'SUM' ? acc.sum : aggregation === 'AVERAGE' ? acc.sum / acc.count : (acc.latest?.value ?? 0),
    min: readings ? acc.min : null,
    max: readings ? acc.max : null,
    count: acc.count,
    sources,
  };
}

// LATEST is the reading with the latest timestamp; at equal timestamps the better-ranked source
// wins (the same order dedup uses), never whichever row happened to be read last.
function isLater(candidate: Contribution, current: Contribution | null): boolean {
  if (!current) return true;
  if (candidate.startMs !== current.startMs) return candidate.startMs > current.startMs;
  return compareSamples(candidate.sample, current.sample) < 0;
}
