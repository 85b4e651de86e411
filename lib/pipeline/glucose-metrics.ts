// The international consensus CGM metrics (Battelino et al., Diabetes Care 2019) and the Ambulatory
// Glucose Profile, pure: the patient's metrics endpoint, the AGP chart, the clinic report and the doctor's
// triage all compute them here, so they can never disagree.
//
// Time in range is time, not a count. Each CGM reading stands for the interval until the next one, but
// never longer than the sensor's sampling interval (the median gap between its readings, at most 15
// minutes): a gap while the sensor was off counts as no time at all, in no range, and lowers the active
// percentage instead. Mean and SD are weighted the same way, so a backfilled burst of readings does not
// outweigh the hours around it. AGP percentiles are over the readings in each 15-minute slot of the local
// day (as the AGP report draws them).
//
// Bounds follow the consensus: very low < 54, low 54–69, in range 70–180, high 181–250, very high > 250
// mg/dL (pregnancy with type 1: in range 63–140, low 54–62, high 141–250). A reading is classified at whole
// mg/dL, the precision glucose is stated in: meters show whole mg/dL or 0.1 mmol/L, and the consensus's
// mmol/L bounds (3.0, 3.9, 10.0, 13.9) are these bounds rounded, so 10.0 mmol/L (180.2 mg/dL once
// converted) is in range for both.
import { zoneClock } from '../time';

const MINUTE_MS = 60_000;
export const MAX_READING_MS = 15 * MINUTE_MS;
const DEFAULT_INTERVAL_MS = 5 * MINUTE_MS; // the usual CGM spacing, for a lone reading

export type GlucosePoint = { atMs: number; mgdl: number };
export type RangeKey = 'veryLow' | 'low' | 'target' | 'high' | 'veryHigh';
export type RangeShares = Record<RangeKey, number>;
export type TargetPreset = 'STANDARD' | 'OLDER_HIGH_RISK' | 'PREGNANCY_TYPE_1';

/** A consensus target on one share: below (max) or above (min) this percentage. */
export type RangeTarget = { share: RangeKey | 'below' | 'above'; bound: 'max' | 'min'; percent: number; label: string };
export type TargetSet = {
  preset: TargetPreset;
  /** In-range bounds, mg/dL, both included. */
  low: number;
  high: number;
  targets: RangeTarget[];
};

/**
 * The consensus targets per preset. `below` is very low + low, `above` high + very high (each includes the
 * more extreme part, as the consensus states them).
 */
export function targetSet(preset: TargetPreset): TargetSet {
  if (preset === 'PREGNANCY_TYPE_1') {
    return {
      preset, low: 63, high: 140,
      targets: [
        { share: 'target', bound: 'min', percent: 70, label: 'in range 63–140 mg/dL' },
        { share: 'below', bound: 'max', percent: 4, label: 'below 63 mg/dL' },
        { share: 'veryLow', bound: 'max', percent: 1, label: 'below 54 mg/dL' },
        { share: 'above', bound: 'max', percent: 25, label: 'above 140 mg/dL' },
      ],
    };
  }
  if (preset === 'OLDER_HIGH_RISK') {
    return {
      preset, low: 70, high: 180,
      targets: [
        { share: 'target', bound: 'min', percent: 50, label: 'in range 70–180 mg/dL' },
        { share: 'below', bound: 'max', percent: 1, label: 'below 70 mg/dL' },
        { share: 'above', bound: 'max', percent: 50, label: 'above 180 mg/dL' },
        { share: 'veryHigh', bound: 'max', percent: 10, label: 'above 250 mg/dL' },
      ],
    };
  }
  return {
    preset, low: 70, high: 180,
    targets: [
      { share: 'target', bound: 'min', percent: 70, label: 'in range 70–180 mg/dL' },
      { share: 'below', bound: 'max', percent: 4, label: 'below 70 mg/dL' },
      { share: 'veryLow', bound: 'max', percent: 1, label: 'below 54 mg/dL' },
      { share: 'above', bound: 'max', percent: 25, label: 'above 180 mg/dL' },
      { share: 'veryHigh', bound: 'max', percent: 5, label: 'above 250 mg/dL' },
    ],
  };
}

/** The range a reading falls in, for the preset's in-range bounds. */
export function rangeOf(value: number, low = 70, high = 180): RangeKey {
  const mgdl = Math.round(value);
  if (mgdl < 54) return 'veryLow';
  if (mgdl < low) return 'low';
  if (mgdl <= high) return 'target';
  if (mgdl <= 250) return 'high';
  return 'veryHigh';
}

export function shareOf(ranges: RangeShares, share: RangeTarget['share']): number {
  if (share === 'below') return ranges.veryLow + ranges.low;
  if (share === 'above') return ranges.high + ranges.veryHigh;
  return ranges[share];
}

/** Targets missed: a "< 4 %" target is missed at exactly 4 %, a "> 70 %" one at exactly 70 %. */
export function missedTargets(ranges: RangeShares, set: TargetSet): (RangeTarget & { value: number })[] {
  return set.targets
    .map((t) => ({ ...t, value: shareOf(ranges, t.share) }))
    .filter((t) => (t.bound === 'max' ? t.value >= t.percent : t.value <= t.percent));
}

/** The median gap between consecutive readings, within [1, 15] minutes; 5 minutes with fewer than two. */
export function samplingInterval(sorted: readonly GlucosePoint[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]!.atMs - sorted[i - 1]!.atMs;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return DEFAULT_INTERVAL_MS;
  gaps.sort((a, b) => a - b);
  return Math.min(MAX_READING_MS, Math.max(MINUTE_MS, gaps[Math.floor((gaps.length - 1) / 2)]!));
}

export type CgmMetrics = {
  readings: number;
  /** Days of the period with at least one reading. */
  days: number;
  /** Time the readings cover, as a share of the period (the elapsed part, when it runs until now). */
  activePercent: number;
  coveredMs: number;
  mean: number;
  sd: number;
  /** SD / mean × 100. */
  cv: number;
  /** Glucose management indicator, % = 3.31 + 0.02392 × mean mg/dL. */
  gmi: number;
  ranges: RangeShares;
};

export const gmiOf = (meanMgdl: number) => 3.31 + 0.02392 * meanMgdl;

/**
 * The consensus metrics of CGM readings over [fromMs, toMs), unrounded. `toMs` is the period's end, or now
 * when the period is still running. Null when no reading covers any of the period.
 */
export function cgmMetrics(points: readonly GlucosePoint[], fromMs: number, toMs: number, opts: { low?: number; high?: number; timeZone?: string } = {}): CgmMetrics | null {
  const sorted = points.filter((p) => p.atMs >= fromMs && p.atMs < toMs).sort((a, b) => a.atMs - b.atMs);
  if (sorted.length === 0 || toMs <= fromMs) return null;
  const interval = samplingInterval(sorted);
  const time: RangeShares = { veryLow: 0, low: 0, target: 0, high: 0, veryHigh: 0 };
  let covered = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    const next = i + 1 < sorted.length ? sorted[i + 1]!.atMs : Infinity;
    const w = Math.min(next, p.atMs + interval, toMs) - p.atMs;
    if (w <= 0) continue; // a second reading at the same instant (dedup keeps one per source)
    covered += w;
    sum += w * p.mgdl;
    sumSq += w * p.mgdl * p.mgdl;
    time[rangeOf(p.mgdl, opts.low, opts.high)] += w;
  }
  const mean = sum / covered;
  const sd = Math.sqrt(Math.max(0, sumSq / covered - mean * mean));
  const ranges = Object.fromEntries(Object.entries(time).map(([k, v]) => [k, (100 * v) / covered])) as RangeShares;
  const clock = opts.timeZone ? zoneClock(opts.timeZone) : null;
  const days = new Set(sorted.map((p) => Math.floor((p.atMs + (clock ? clock.offsetAt(p.atMs) : 0)) / 86_400_000))).size;
  return { readings: sorted.length, days, activePercent: (100 * covered) / (toMs - fromMs), coveredMs: covered, mean, sd, cv: (100 * sd) / mean, gmi: gmiOf(mean), ranges };
}

/** The p-th percentile (0..1) of sorted values, linearly interpolated (R's type 7, as spreadsheets compute it). */
export function percentile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export const AGP_SLOT_MINUTES = 15;
export const AGP_SLOTS = (24 * 60) / AGP_SLOT_MINUTES;
export type AgpSlot = { minute: number; p5: number | null; p25: number | null; p50: number | null; p75: number | null; p95: number | null; n: number };

/**
 * The AGP: for each 15-minute slot of the local day (slot 0 starts at local midnight), the 5th, 25th,
 * 50th, 75th and 95th percentiles of the readings in [fromMs, toMs) whose local time falls in it. A slot
 * without readings has null percentiles and n 0 (the chart leaves a gap rather than inventing a curve).
 */
export function agpSlots(points: readonly GlucosePoint[], fromMs: number, toMs: number, timeZone: string): AgpSlot[] {
  const clock = zoneClock(timeZone);
  const bySlot: number[][] = Array.from({ length: AGP_SLOTS }, () => []);
  for (const p of points) {
    if (p.atMs < fromMs || p.atMs >= toMs) continue;
    const local = p.atMs + clock.offsetAt(p.atMs);
    const minuteOfDay = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE_MS);
    bySlot[Math.floor(minuteOfDay / AGP_SLOT_MINUTES)]!.push(p.mgdl);
  }
  return bySlot.map((values, i) => {
    const minute = i * AGP_SLOT_MINUTES;
    if (values.length === 0) return { minute, p5: null, p25: null, p50: null, p75: null, p95: null, n: 0 };
    values.sort((a, b) => a - b);
    const at = (p: number) => percentile(values, p);
    return { minute, p5: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95), n: values.length };
  });
}

/**
 * Percentages rounded to `decimals` so that they still sum to 100 (largest remainder), except that a share
 * above zero never rounds to zero: a 0.3 % of very low glucose must not print as none (the others give way).
 */
export function roundShares(ranges: RangeShares, decimals: number): RangeShares {
  const scale = 10 ** decimals;
  const keys = Object.keys(ranges) as RangeKey[];
  const total = keys.reduce((a, k) => a + ranges[k], 0);
  if (total === 0) return { ...ranges };
  const raw = keys.map((k) => (ranges[k] * 100 * scale) / total);
  const out = raw.map((v) => (v > 0 ? Math.max(1, Math.floor(v)) : 0));
  let left = 100 * scale - out.reduce((a, b) => a + b, 0);
  const order = keys.map((_, i) => i).sort((a, b) => (raw[b]! - out[b]!) - (raw[a]! - out[a]!));
  for (let j = 0; left > 0; j = (j + 1) % order.length) {
    const i = order[j]!;
    if (raw[i]! > 0) { out[i]! += 1; left -= 1; }
  }
  // Taking back (a tiny share lifted to the smallest step): from the largest, which can spare it.
  while (left < 0) {
    const i = out.indexOf(Math.max(...out));
    out[i]! -= 1;
    left += 1;
  }
  return Object.fromEntries(keys.map((k, i) => [k, out[i]! / scale])) as RangeShares;
}
