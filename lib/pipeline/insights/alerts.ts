// Emergency alert rules: which readings open an emergency for the patient's carers. Pure: the caller
// passes the readings to check (typically the ones just synced) and the patient's thresholds.

import { type AlertThresholds } from './alert-thresholds';
import { type BloodPressureMeasurement, pairBloodPressure, type TimedValue } from './blood-pressure-pairs';

export { type AlertThresholds, DEFAULT_ALERT_THRESHOLDS, type ThresholdProblem, validateThresholds } from './alert-thresholds';

export type AlertReading = { type: 'BLOOD_GLUCOSE' | 'BLOOD_PRESSURE_SYSTOLIC' | 'BLOOD_PRESSURE_DIASTOLIC'; atMs: number; value: number };
export type AlertKind = 'GLUCOSE_LOW' | 'GLUCOSE_HIGH' | 'BLOOD_PRESSURE_CRISIS';
export type AlertFinding = { kind: AlertKind; atMs: number; details: Record<string, number> };

// Systolic and diastolic of one measurement arrive as two samples; 5 min is dedup.md's match window
// for blood pressure, the same notion of "one measurement".
const BP_PAIR_WINDOW_MS = 5 * 60_000;

/** The first item by `moreExtreme` (negative: a before b); ties go to the earlier reading. */
function mostExtreme<T extends { atMs: number }>(items: readonly T[], moreExtreme: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (best === undefined || (moreExtreme(item, best) || item.atMs - best.atMs) < 0) best = item;
  }
  return best;
}

const valuesOf = (readings: readonly AlertReading[], type: AlertReading['type']): TimedValue[] =>
  readings.filter((r) => r.type === type).map(({ atMs, value }) => ({ atMs, value }));

/**
 * At most one finding per kind: the most extreme reading. One open emergency per kind is enough to
 * bring a carer in; more would only repeat the alarm. Findings come in a fixed kind order.
 */
export function findAlerts(readings: readonly AlertReading[], thresholds: AlertThresholds): AlertFinding[] {
  const findings: AlertFinding[] = [];
  const glucose = valuesOf(readings, 'BLOOD_GLUCOSE');
  const low = mostExtreme(glucose.filter((r) => r.value < thresholds.glucoseLowMgDl), (a, b) => a.value - b.value);
  if (low) findings.push({ kind: 'GLUCOSE_LOW', atMs: low.atMs, details: { mgdl: low.value, thresholdMgDl: thresholds.glucoseLowMgDl } });
  const high = mostExtreme(glucose.filter((r) => r.value > thresholds.glucoseHighMgDl), (a, b) => b.value - a.value);
  if (high) findings.push({ kind: 'GLUCOSE_HIGH', atMs: high.atMs, details: { mgdl: high.value, thresholdMgDl: thresholds.glucoseHighMgDl } });
  const crisis = worstCrisis(readings, thresholds);
  if (crisis) findings.push({ kind: 'BLOOD_PRESSURE_CRISIS', atMs: crisis.atMs, details: bloodPressureDetails(crisis) });
  return findings;
}

function worstCrisis(readings: readonly AlertReading[], t: AlertThresholds): BloodPressureMeasurement | undefined {
  const measurements = pairBloodPressure(
    valuesOf(readings, 'BLOOD_PRESSURE_SYSTOLIC'),
    valuesOf(readings, 'BLOOD_PRESSURE_DIASTOLIC'),
    BP_PAIR_WINDOW_MS,
  );
  const isCrisis = (m: BloodPressureMeasurement) =>
    (m.systolic !== null && m.systolic >= t.systolicHigh) || (m.diastolic !== null && m.diastolic >= t.diastolicHigh);
  // Systolic and diastolic are compared by how far past their own threshold they are.
  const excess = (m: BloodPressureMeasurement) => Math.max((m.systolic ?? 0) / t.systolicHigh, (m.diastolic ?? 0) / t.diastolicHigh);
  const tieBreak = (a: BloodPressureMeasurement, b: BloodPressureMeasurement) =>
    (b.systolic ?? 0) - (a.systolic ?? 0) || (b.diastolic ?? 0) - (a.diastolic ?? 0);
  return mostExtreme(measurements.filter(isCrisis), (a, b) => excess(b) - excess(a) || a.atMs - b.atMs || tieBreak(a, b));
}

function bloodPressureDetails(m: BloodPressureMeasurement): Record<string, number> {
  const details: Record<string, number> = {};
  if (m.systolic !== null) details.systolic = m.systolic;
  if (m.diastolic !== null) details.diastolic = m.diastolic;
  return details;
}
