// Emergency alert rules: which readings open an emergency for the patient's carers. Pure: the caller
// passes the readings to check (typically the ones just synced) and the patient's thresholds.

import { type AlertThresholds, GLUCOSE_TARGET_HIGH_MGDL, GLUCOSE_TARGET_LOW_MGDL } from './alert-thresholds';
import { type BloodPressureMeasurement, pairBloodPressure, type TimedValue } from './blood-pressure-pairs';

export { type AlertThresholds, DEFAULT_ALERT_THRESHOLDS, GLUCOSE_TARGET_HIGH_MGDL, GLUCOSE_TARGET_LOW_MGDL, type ThresholdProblem, validateThresholds } from './alert-thresholds';

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

/**
 * A reading as an emergency episode sees it: ALERT (past the kind's threshold) or RECOVERED (back in
 * range for that kind); readings that are neither are left out.
 */
export type AlertObservation = { kind: AlertKind; atMs: number; state: 'ALERT' | 'RECOVERED'; details: Record<string, number> };

export function observeAlerts(readings: readonly AlertReading[], t: AlertThresholds): AlertObservation[] {
  const all: AlertObservation[] = [];
  for (const { atMs, value: mgdl } of valuesOf(readings, 'BLOOD_GLUCOSE')) {
    if (mgdl < t.glucoseLowMgDl) all.push({ kind: 'GLUCOSE_LOW', atMs, state: 'ALERT', details: { mgdl, thresholdMgDl: t.glucoseLowMgDl } });
    if (mgdl >= Math.max(GLUCOSE_TARGET_LOW_MGDL, t.glucoseLowMgDl)) all.push({ kind: 'GLUCOSE_LOW', atMs, state: 'RECOVERED', details: { mgdl } });
    if (mgdl > t.glucoseHighMgDl) all.push({ kind: 'GLUCOSE_HIGH', atMs, state: 'ALERT', details: { mgdl, thresholdMgDl: t.glucoseHighMgDl } });
    if (mgdl <= Math.min(GLUCOSE_TARGET_HIGH_MGDL, t.glucoseHighMgDl)) all.push({ kind: 'GLUCOSE_HIGH', atMs, state: 'RECOVERED', details: { mgdl } });
  }
  const bp = pairBloodPressure(valuesOf(readings, 'BLOOD_PRESSURE_SYSTOLIC'), valuesOf(readings, 'BLOOD_PRESSURE_DIASTOLIC'), BP_PAIR_WINDOW_MS);
  for (const m of bp) {
    const crisis = (m.systolic !== null && m.systolic >= t.systolicHigh) || (m.diastolic !== null && m.diastolic >= t.diastolicHigh);
    // Recovery needs both numbers: one side alone cannot show the other is out of the crisis range.
    const below = m.systolic !== null && m.diastolic !== null && m.systolic < t.systolicHigh && m.diastolic < t.diastolicHigh;
    if (crisis || below) all.push({ kind: 'BLOOD_PRESSURE_CRISIS', atMs: m.atMs, state: crisis ? 'ALERT' : 'RECOVERED', details: bloodPressureDetails(m) });
  }
  // Every distinct alert-level value counts (two devices at one instant are two readings); a recovery
  // at an instant that also has an alert-level reading of the kind does not.
  const alertAt = new Set(all.filter((o) => o.state === 'ALERT').map((o) => `${o.kind}@${o.atMs}`));
  const unique = new Map<string, AlertObservation>();
  for (const o of all) {
    if (o.state === 'RECOVERED' && alertAt.has(`${o.kind}@${o.atMs}`)) continue;
    unique.set(`${o.state}:${observationKey(o)}`, o);
  }
  return [...unique.values()].sort((a, b) => a.atMs - b.atMs || a.kind.localeCompare(b.kind) || observationKey(a).localeCompare(observationKey(b)));
}

/** Identifies one measured reading of a kind: its instant and measured values (not the threshold in force). */
export function observationKey(o: { kind: AlertKind; atMs: number; details: Record<string, number> }): string {
  const d = o.details;
  const values = o.kind === 'BLOOD_PRESSURE_CRISIS' ? `${d.systolic ?? '-'}/${d.diastolic ?? '-'}` : `${d.mgdl}`;
  return `${o.kind}@${o.atMs}:${values}`;
}

/** > 0 when reading `a` is more severe than `b` for this kind of emergency, 0 when equally severe. */
export function compareSeverity(kind: AlertKind, a: Record<string, number>, b: Record<string, number>, t: AlertThresholds): number {
  if (kind === 'GLUCOSE_LOW') return (b.mgdl ?? Infinity) - (a.mgdl ?? Infinity);
  if (kind === 'GLUCOSE_HIGH') return (a.mgdl ?? -Infinity) - (b.mgdl ?? -Infinity);
  const excess = (d: Record<string, number>) => Math.max((d.systolic ?? 0) / t.systolicHigh, (d.diastolic ?? 0) / t.diastolicHigh);
  return excess(a) - excess(b) || (a.systolic ?? 0) - (b.systolic ?? 0) || (a.diastolic ?? 0) - (b.diastolic ?? 0);
}
