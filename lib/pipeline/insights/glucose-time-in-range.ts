// Glucose time in range over the last 14 days, against the international consensus targets
// (Battelino et al., Diabetes Care 2019): TIR 70–180 mg/dL > 70 %, < 70 below 4 %, < 54 below 1 %,
// > 180 below 25 %, > 250 below 5 %.
//
// Readings are point measurements (meters, or CGM values already reduced to readings), so the
// percentages are shares of readings. A CGM report would weight each value by the time it covers;
// fingerstick shares lean towards the moments people chose to test.

import { localDate } from '../../time';
import { percentOf } from './format';
import type { InsightResult, InsightSeverity } from './types';

const DAY_MS = 86_400_000;
export const WINDOW_DAYS = 14; // the consensus's minimum period for a representative profile
const MIN_READINGS = 10;

export type GlucoseReading = { atMs: number; mgdl: number };
/** timeZone only labels windowStart/windowEnd as local days; default UTC. */
export type GlucoseTimeInRangeInput = { readings: readonly GlucoseReading[]; nowMs: number; timeZone?: string };

type Counts = { n: number; inRange: number; below70: number; below54: number; above180: number; above250: number };

function countReadings(readings: readonly GlucoseReading[], fromMs: number, toMs: number): Counts {
  const c: Counts = { n: 0, inRange: 0, below70: 0, below54: 0, above180: 0, above250: 0 };
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

// Compared on counts (100·part vs target·n), so a share of exactly 1 % or 4 % is not lost to rounding.
const atLeast = (part: number, n: number, percent: number) => 100 * part >= percent * n;

function severityOf(c: Counts): InsightSeverity {
  if (atLeast(c.below54, c.n, 1) || atLeast(c.below70, c.n, 4)) return 'HIGH';
  if (!atLeast(c.inRange, c.n, 70) || atLeast(c.above250, c.n, 5) || atLeast(c.above180, c.n, 25)) return 'MEDIUM';
  return 'INFO';
}

export function glucoseTimeInRange({ readings, nowMs, timeZone = 'UTC' }: GlucoseTimeInRangeInput): InsightResult | null {
  const fromMs = nowMs - WINDOW_DAYS * DAY_MS;
  const c = countReadings(readings, fromMs, nowMs);
  if (c.n < MIN_READINGS) return null;
  const pct = (part: number) => percentOf(part, c.n);
  const severity = severityOf(c);
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
