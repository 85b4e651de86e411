// Glucose time in range over the last 14 days, against the international consensus targets
// (Battelino et al., Diabetes Care 2019): TIR 70–180 mg/dL > 70 %, < 70 below 4 %, < 54 below 1 %,
// > 180 below 25 %, > 250 below 5 %. The counting and the targets are the shared ones in
// ../glucose-targets (the doctor's triage uses the same), so the two never disagree.
//
// Readings are point measurements (meters, or CGM values already reduced to readings), so the
// percentages are shares of readings. A CGM report would weight each value by the time it covers;
// fingerstick shares lean towards the moments people chose to test.

import { localDate } from '../../time';
import { assessGlucose, isLowMiss, type GlucoseReading, type GlucoseTargetMiss } from '../glucose-targets';
import { percentOf } from './format';
import type { InsightResult, InsightSeverity } from './types';

export type { GlucoseReading };
/** timeZone only labels windowStart/windowEnd as local days; default UTC. */
export type GlucoseTimeInRangeInput = { readings: readonly GlucoseReading[]; nowMs: number; timeZone?: string };

/** HIGH when a low target is missed (the triage's low groups), MEDIUM for any other miss. */
function severityOf(misses: readonly GlucoseTargetMiss[]): InsightSeverity {
  if (misses.some(isLowMiss)) return 'HIGH';
  return misses.length > 0 ? 'MEDIUM' : 'INFO';
}

export function glucoseTimeInRange({ readings, nowMs, timeZone = 'UTC' }: GlucoseTimeInRangeInput): InsightResult | null {
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
