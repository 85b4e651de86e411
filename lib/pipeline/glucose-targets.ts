// The international consensus glucose targets (Battelino et al., Diabetes Care 2019) over the last 14 days:
// below 54 mg/dL < 1 %; below 70 (the below-54 part included) < 4 %; above 250 < 5 %; above 180 (the
// above-250 part included) < 25 %; 70–180 > 70 %. One pure assessment, so the patient's insight and the
// doctor's triage cannot disagree about the same readings.
//
// Readings are point measurements (meters, or CGM values already reduced to readings), so the shares are
// shares of readings, and the texts say "of readings". A CGM report would weight each value by the time it
// covers; fingerstick shares lean towards the moments people chose to test.
//
// A target written "< 5 %" is missed by exactly 5 %, and "> 70 %" by exactly 70 %: the consensus states
// each as a strict bound. Shares are compared on counts (100·part against target·n), so no rounding can
// move a reading across a target.
//
// CGM wearers are judged on time instead (assessCgm): the consensus metrics of the CGM stream over the last
// 14 local days (cgmMetrics, time-weighted, the same the metrics endpoint and the clinic report compute),
// against the targets of the patient's preset, plus the two TIDE flags that are not shares of time: CV above
// 36 % and CGM wear under 70 %. Only meter-only patients keep the shares of readings above.

import { cgmMetrics, missedTargets, targetSet, type CgmMetrics, type GlucosePoint, type RangeTarget, type TargetPreset } from './glucose-metrics';
import { percentOf } from './insights/format';

const DAY_MS = 86_400_000;
export const GLUCOSE_WINDOW_DAYS = 14; // the consensus's minimum period for a representative profile
export const MIN_GLUCOSE_READINGS = 10;

export type GlucoseReading = { atMs: number; mgdl: number };
export type GlucoseCounts = { n: number; inRange: number; below70: number; below54: number; above180: number; above250: number };
type Share = Exclude<keyof GlucoseCounts, 'n'>;

export type GlucoseTarget = {
  share: Share;
  /** "below 54 mg/dL", as it reads after "x % of readings". */
  label: string;
  /** The glucose bounds the label names, in mg/dL (one, or the range's two). */
  mgdl: readonly number[];
  /** The share must stay under (`max`) or over (`min`) this percentage. */
  bound: 'max' | 'min';
  percent: number;
};

/**
 * In order of urgency: very low, low, very high, high, then time in range. A missed time in range never
 * comes alone with shares of readings: in range = 100 % − below 70 − above 180, so with both of those met
 * (< 4 % and < 25 %) it is above 71 %. It stays last, as the summary of the highs and lows before it.
 */
export const GLUCOSE_TARGETS: readonly GlucoseTarget[] = [
  { share: 'below54', label: 'below 54 mg/dL', mgdl: [54], bound: 'max', percent: 1 },
  { share: 'below70', label: 'below 70 mg/dL', mgdl: [70], bound: 'max', percent: 4 },
  { share: 'above250', label: 'above 250 mg/dL', mgdl: [250], bound: 'max', percent: 5 },
  { share: 'above180', label: 'above 180 mg/dL', mgdl: [180], bound: 'max', percent: 25 },
  { share: 'inRange', label: 'in range 70–180 mg/dL', mgdl: [70, 180], bound: 'min', percent: 70 },
];

/** The target's label in another unit: `number` formats a mg/dL bound ("3.9"), `unit` names the unit. */
export function glucoseTargetLabel(target: GlucoseTarget, number: (mgdl: number) => string, unit: string): string {
  const words = target.share === 'inRange' ? 'in range' : target.share.startsWith('below') ? 'below' : 'above';
  return `${words} ${target.mgdl.map(number).join('–')} ${unit}`;
}

export type GlucoseTargetMiss = GlucoseTarget & { count: number; sharePercent: number };
export type GlucoseAssessment = {
  counts: GlucoseCounts;
  /** Missed targets, most urgent first; empty when all are met. */
  misses: GlucoseTargetMiss[];
  fromMs: number;
  toMs: number;
};

/** Readings taken in (fromMs, toMs], by range; 70 and 180 themselves are in range. */
export function countGlucoseReadings(readings: readonly GlucoseReading[], fromMs: number, toMs: number): GlucoseCounts {
  const c: GlucoseCounts = { n: 0, inRange: 0, below70: 0, below54: 0, above180: 0, above250: 0 };
  for (const { atMs, mgdl } of readings) {
    if (!(atMs > fromMs && atMs <= toMs)) continue;
    c.n += 1;
    if (mgdl < 70) c.below70 += 1;
    if (mgdl < 54) c.below54 += 1;
    if (mgdl > 180) c.above180 += 1;
    if (mgdl > 250) c.above250 += 1;
    if (mgdl >= 70 && mgdl <= 180) c.inRange += 1;
  }
  return c;
}

export function meetsGlucoseTarget(target: GlucoseTarget, counts: GlucoseCounts): boolean {
  const part = 100 * counts[target.share];
  const limit = target.percent * counts.n;
  return target.bound === 'max' ? part < limit : part > limit;
}

export function missedGlucoseTargets(counts: GlucoseCounts): GlucoseTargetMiss[] {
  return GLUCOSE_TARGETS.filter((t) => !meetsGlucoseTarget(t, counts)).map((t) => ({
    ...t,
    count: counts[t.share],
    sharePercent: percentOf(counts[t.share], counts.n),
  }));
}

/** A miss of a low target (below 54 or below 70): the most urgent kind. */
export const isLowMiss = (miss: GlucoseTarget) => miss.share === 'below54' || miss.share === 'below70';

/** The readings of the last 14 days against the targets; null with fewer than 10 readings. */
export function assessGlucose({ readings, nowMs }: { readings: readonly GlucoseReading[]; nowMs: number }): GlucoseAssessment | null {
  const fromMs = nowMs - GLUCOSE_WINDOW_DAYS * DAY_MS;
  const counts = countGlucoseReadings(readings, fromMs, nowMs);
  if (counts.n < MIN_GLUCOSE_READINGS) return null;
  return { counts, misses: missedGlucoseTargets(counts), fromMs, toMs: nowMs };
}

/** CV above this (%) flags unstable glucose (consensus: CV ≤ 36 %). */
export const CGM_CV_MAX_PERCENT = 36;
/** CGM wear under this share of the period (%) flags data too thin to represent it (consensus: ≥ 70 % of 14 days). */
export const CGM_WEAR_MIN_PERCENT = 70;

/** One CGM flag: a missed range target of the preset, CV too high, or too little wear; `value` unrounded. */
export type CgmFlag = {
  flag: RangeTarget['share'] | 'cv' | 'wear';
  bound: 'max' | 'min';
  percent: number;
  value: number;
};
export type CgmAssessment = {
  metrics: CgmMetrics;
  preset: TargetPreset;
  /** The preset's in-range bounds, mg/dL. */
  low: number;
  high: number;
  /** Most urgent first: very low, low, very high, high, time in range, CV, wear. */
  flags: CgmFlag[];
  fromMs: number;
  toMs: number;
};

const CGM_FLAG_ORDER: CgmFlag['flag'][] = ['veryLow', 'below', 'low', 'veryHigh', 'above', 'high', 'target', 'cv', 'wear'];

/** A flag of time below range (very low or low): the most urgent kind. */
export const isLowCgmFlag = (f: CgmFlag) => f.flag === 'veryLow' || f.flag === 'below' || f.flag === 'low';

/**
 * The CGM readings of [fromMs, toMs) (the 14 local days up to now) against the preset's consensus targets:
 * a target "< 4 %" is missed at exactly 4 % (missedTargets), CV is flagged above 36 %, wear under 70 %.
 * Null without a reading in the period.
 */
export function assessCgm(args: { points: readonly GlucosePoint[]; fromMs: number; toMs: number; preset: TargetPreset; timeZone: string }): CgmAssessment | null {
  const set = targetSet(args.preset);
  const metrics = cgmMetrics(args.points, args.fromMs, args.toMs, { low: set.low, high: set.high, timeZone: args.timeZone });
  if (!metrics) return null;
  const flags: CgmFlag[] = missedTargets(metrics.ranges, set).map((t) => ({ flag: t.share, bound: t.bound, percent: t.percent, value: t.value }));
  if (metrics.cv > CGM_CV_MAX_PERCENT) flags.push({ flag: 'cv', bound: 'max', percent: CGM_CV_MAX_PERCENT, value: metrics.cv });
  if (metrics.activePercent < CGM_WEAR_MIN_PERCENT) flags.push({ flag: 'wear', bound: 'min', percent: CGM_WEAR_MIN_PERCENT, value: metrics.activePercent });
  flags.sort((a, b) => CGM_FLAG_ORDER.indexOf(a.flag) - CGM_FLAG_ORDER.indexOf(b.flag));
  return { metrics, preset: args.preset, low: set.low, high: set.high, flags, fromMs: args.fromMs, toMs: args.toMs };
}

/** The flag's words after "x % of the time": "below 54 mg/dL"; `number` formats a mg/dL bound in the reader's unit. */
export function cgmFlagLabel(f: CgmFlag, a: { low: number; high: number }, number: (mgdl: number) => string, unit: string): string {
  switch (f.flag) {
    case 'veryLow': return `below ${number(54)} ${unit}`;
    case 'below': return `below ${number(a.low)} ${unit}`;
    case 'low': return `between ${number(54)} and ${number(a.low)} ${unit}`;
    case 'high': return `between ${number(a.high)} and ${number(250)} ${unit}`;
    case 'veryHigh': return `above ${number(250)} ${unit}`;
    case 'above': return `above ${number(a.high)} ${unit}`;
    case 'target': return `in range ${number(a.low)}–${number(a.high)} ${unit}`;
    case 'cv': return 'coefficient of variation';
    case 'wear': return 'CGM wear';
  }
}
