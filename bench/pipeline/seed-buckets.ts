// The seed design's bucketing, for the baseline only: counted parts go into local hours (intervals
// split in proportion to time), hours add up to days, days to ISO weeks and months. Sleep is split
// at midnight like everything else: the seed had no sessions belonging to the day they end.
import { periodKeyOfDay, periodLabel, type ZoneClock } from '../../lib/time';
import type { SeedPart } from './seed-dedup';

export type SeedAggregation = 'SUM' | 'AVERAGE' | 'LATEST';
export type SeedPeriod = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

type Acc = { sum: number; count: number; min: number; max: number; latestMs: number; latest: number; sources: Map<string, number> };
/** Local hour index → running totals of that hour. */
export type SeedHours = Map<number, Acc>;
export type SeedRow = { period: SeedPeriod; periodStart: string; value: number; min: number | null; max: number | null; count: number; sum: number; sources: Record<string, number> };

function accAt(map: Map<number, Acc>, key: number): Acc {
  let acc = map.get(key);
  if (!acc) {
    acc = { sum: 0, count: 0, min: Infinity, max: -Infinity, latestMs: -Infinity, latest: 0, sources: new Map() };
    map.set(key, acc);
  }
  return acc;
}

function add(acc: Acc, part: SeedPart, value: number, aggregation: SeedAggregation, counted: boolean): void {
  acc.sum += value;
  if (counted) acc.count += 1;
  acc.min = Math.min(acc.min, value);
  acc.max = Math.max(acc.max, value);
  if (part.startMs >= acc.latestMs) {
    acc.latestMs = part.startMs;
    acc.latest = value;
  }
  const device = part.sample.deviceId;
  acc.sources.set(device, (acc.sources.get(device) ?? 0) + (aggregation === 'SUM' ? value : 1));
}

/** Adds counted parts to the local-hour accumulators (keys: local hour index). */
export function bucketParts(hours: SeedHours, parts: readonly SeedPart[], aggregation: SeedAggregation, clock: ZoneClock): void {
  for (const part of parts) {
    let hour = clock.hourIndexAt(part.startMs);
    if (aggregation !== 'SUM' || part.endMs <= part.startMs) {
      add(accAt(hours, hour), part, part.value, aggregation, true);
      continue;
    }
    let from = part.startMs;
    let first = true;
    while (from < part.endMs) {
      const to = Math.min(clock.hourStart(hour + 1), part.endMs);
      if (to > from) {
        add(accAt(hours, hour), part, (part.value * (to - from)) / (part.endMs - part.startMs), aggregation, first);
        first = false;
        from = to;
      }
      hour += 1;
    }
  }
}

function rollUp(finer: Map<number, Acc>, keyOf: (key: number) => number): Map<number, Acc> {
  const coarser = new Map<number, Acc>();
  for (const [key, acc] of finer) {
    const target = accAt(coarser, keyOf(key));
    target.sum += acc.sum;
    target.count += acc.count;
    target.min = Math.min(target.min, acc.min);
    target.max = Math.max(target.max, acc.max);
    if (acc.latestMs >= target.latestMs) {
      target.latestMs = acc.latestMs;
      target.latest = acc.latest;
    }
    for (const [device, v] of acc.sources) target.sources.set(device, (target.sources.get(device) ?? 0) + v);
  }
  return coarser;
}

function toRows(map: Map<number, Acc>, period: SeedPeriod, aggregation: SeedAggregation): SeedRow[] {
  return [...map].map(([key, acc]) => ({
    period,
    periodStart: periodLabel(period, key),
    value: aggregation === 'SUM' ? acc.sum : aggregation === 'AVERAGE' ? acc.sum / acc.count : acc.latest,
    min: aggregation === 'SUM' ? null : acc.min,
    max: aggregation === 'SUM' ? null : acc.max,
    count: acc.count,
    sum: acc.sum,
    sources: Object.fromEntries(acc.sources),
  }));
}

/** Hour, day, week and month rows of the hours collected so far. */
export function seedRows(hours: SeedHours, aggregation: SeedAggregation): SeedRow[] {
  const days = rollUp(hours, (hour) => Math.floor(hour / 24));
  return [
    ...toRows(hours, 'HOUR', aggregation),
    ...toRows(days, 'DAY', aggregation),
    ...toRows(rollUp(days, (day) => periodKeyOfDay(day, 'WEEK')), 'WEEK', aggregation),
    ...toRows(rollUp(days, (day) => periodKeyOfDay(day, 'MONTH')), 'MONTH', aggregation),
  ];
}
