// Glucose time in range over the last 14 days, against the international consensus targets
// (Battelino et al., Diabetes Care 2019): TIR 70–180 mg/dL > 70 %, < 70 below 4 %, < 54 below 1 %,
// > 180 below 25 %, > 250 below 5 %. The counting and the targets are the shared ones in
// ../glucose-targets (the doctor's triage uses the same), so the two never disagree.
//
// Meter readings are point measurements, so for meter-only patients the percentages are shares of
// readings (fingerstick shares lean towards the moments people chose to test). A CGM wearer is judged on
// time instead: the consensus metrics of the CGM stream over the last 14 local days against their preset's
// targets, CV and wear (assessCgm, the doctor's triage uses the same), and the data says `source: 'cgm'`
// so the texts say "of the time".

import { localDate } from '../../time';
import type { GlucosePoint, TargetPreset } from '../glucose-metrics';
import { assessCgm, assessGlucose, isLowCgmFlag, isLowMiss, type CgmFlag, type GlucoseReading, type GlucoseTargetMiss } from '../glucose-targets';
import { percentOf } from './format';
import type { InsightResult, InsightSeverity } from './types';

export type { GlucoseReading };
/** timeZone only labels windowStart/windowEnd as local days; default UTC. */
export type GlucoseTimeInRangeInput = {
  readings: readonly GlucoseReading[];
  nowMs: number;
  timeZone?: string;
  /**
   * The CGM stream of the 14 local days from `fromMs`: when it has readings, they decide, with the
   * wearer's fingersticks (`meter`) judged as a meter-only patient's readings beside them.
   */
  cgm?: { points: readonly GlucosePoint[]; fromMs: number; preset: TargetPreset; meter?: readonly GlucoseReading[] };
};

/** HIGH when a low target is missed (the triage's low groups), MEDIUM for any other miss. */
function severityOf(misses: readonly GlucoseTargetMiss[]): InsightSeverity {
  if (misses.some(isLowMiss)) return 'HIGH';
  return misses.length > 0 ? 'MEDIUM' : 'INFO';
}

/** HIGH for time below range, MEDIUM for other missed targets or CV, LOW for too little wear alone. */
function cgmSeverityOf(flags: readonly CgmFlag[]): InsightSeverity {
  if (flags.some(isLowCgmFlag)) return 'HIGH';
  if (flags.some((f) => f.flag !== 'wear')) return 'MEDIUM';
  return flags.length > 0 ? 'LOW' : 'INFO';
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const SEVERITIES: readonly InsightSeverity[] = ['INFO', 'LOW', 'MEDIUM', 'HIGH'];
const graver = (a: InsightSeverity, b: InsightSeverity) => (SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b);

function cgmInsight(input: Required<Pick<GlucoseTimeInRangeInput, 'cgm'>> & { nowMs: number; timeZone: string }): InsightResult | null {
  const { cgm, nowMs, timeZone } = input;
  const a = assessCgm({ points: cgm.points, fromMs: cgm.fromMs, toMs: nowMs, preset: cgm.preset, timeZone });
  if (!a) return null;
  const r = a.metrics.ranges;
  // Fingersticks that miss a target are shown beside the CGM's figures, and can only raise the severity:
  // a sensor barely worn must not hide the lows the meter saw.
  const meter = assessGlucose({ readings: cgm.meter ?? [], nowMs });
  const meterMisses = meter && meter.misses.length > 0 ? meter : null;
  const pct = (part: number) => percentOf(part, meterMisses?.counts.n ?? 0);
  return {
    kind: 'GLUCOSE_TIME_IN_RANGE',
    severity: meterMisses ? graver(cgmSeverityOf(a.flags), severityOf(meterMisses.misses)) : cgmSeverityOf(a.flags),
    data: {
      source: 'cgm', preset: a.preset, low: a.low, high: a.high, readings: a.metrics.readings,
      inRange: round1(r.target), below70: round1(r.veryLow + r.low), below54: round1(r.veryLow), above180: round1(r.high + r.veryHigh), above250: round1(r.veryHigh),
      cv: round1(a.metrics.cv), activePercent: round1(a.metrics.activePercent),
      flags: a.flags.map((f) => f.flag).join(','),
      ...(meterMisses ? {
        meterReadings: meterMisses.counts.n, meterInRange: pct(meterMisses.counts.inRange), meterBelow70: pct(meterMisses.counts.below70),
        meterBelow54: pct(meterMisses.counts.below54), meterAbove180: pct(meterMisses.counts.above180), meterAbove250: pct(meterMisses.counts.above250),
      } : {}),
    },
    windowStart: localDate(cgm.fromMs, timeZone),
    windowEnd: localDate(nowMs, timeZone),
  };
}

export function glucoseTimeInRange({ readings, nowMs, timeZone = 'UTC', cgm }: GlucoseTimeInRangeInput): InsightResult | null {
  if (cgm && cgm.points.some((p) => p.atMs >= cgm.fromMs && p.atMs < nowMs)) return cgmInsight({ cgm, nowMs, timeZone });
  const assessment = assessGlucose({ readings, nowMs });
  if (!assessment) return null;
  const { counts: c, fromMs } = assessment;
  const pct = (part: number) => percentOf(part, c.n);
  const severity = severityOf(assessment.misses);
  return {
    kind: 'GLUCOSE_TIME_IN_RANGE',
    severity,
    data: {
      readings: c.n,
      inRange: pct(c.inRange),
      below70: pct(c.below70),
      below54: pct(c.below54),
      above180: pct(c.above180),
      above250: pct(c.above250),
    },
    windowStart: localDate(fromMs, timeZone),
    windowEnd: localDate(nowMs, timeZone),
  };
}
