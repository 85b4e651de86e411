// The triage rules: every patient lands in the first group whose rule matches, in order of clinical
// urgency, with the reason in words for the doctor. The rules are the pure ones the patient's own insights
// use (lib/pipeline), over the same data, so triage and insights agree on what "low", "rising" or "short"
// means, and a problem the patient is told about (MEDIUM or HIGH) is never "Meeting targets" here.
import type { EmergencyKind, HealthType } from '../generated/prisma/enums';
import { displayUnit, formatNumber, formatValue, type UnitPreferences } from '../format/health';
import {
  assessCgm, assessGlucose, cgmFlagLabel, glucoseTargetLabel, isLowCgmFlag, isLowMiss,
  type CgmAssessment, type CgmFlag, type GlucoseAssessment, type GlucoseTargetMiss,
} from '../pipeline/glucose-targets';
import {
  activityChange, DEFAULT_ALERT_THRESHOLDS, findAlerts, lastWholeDay, medicationAdherence, restingHrTrend, sleepDeficit,
  type AlertFinding, type DailyValue,
} from '../pipeline/insights';
import { formatCount, formatMinutes } from '../pipeline/insights/format';
import { localDate } from '../time';
import { DAY_MS, RECENT_DAYS, type Emergency, type Signals } from './triage-signals';

// Glucose follows the consensus targets, most urgent first (Tidepool TIDE's categories): lows before a
// blood-pressure crisis reading, highs after it. CGM wearers are judged on the time-weighted metrics of
// their CGM stream over the last 14 local days against their preset's targets, then on variability (CV
// above 36 %) and on CGM wear under 70 %; meter-only patients on shares of readings. A missed time in
// range alone cannot happen either way (in range = 100 % − below − above); it lands with the highs.
export const TRIAGE_GROUPS = [
  { id: 'emergency', label: 'Active emergency' },
  { id: 'glucose-very-low', label: 'Very low glucose' },
  { id: 'glucose-low', label: 'Low glucose' },
  { id: 'bp-crisis', label: 'Blood pressure crisis' },
  { id: 'glucose-very-high', label: 'Very high glucose' },
  { id: 'glucose-high', label: 'High glucose' },
  { id: 'glucose-variability', label: 'Unstable glucose (CV above 36 %)' },
  { id: 'cgm-wear', label: 'CGM worn less than 70 %' },
  { id: 'missed-doses', label: 'Missed doses' },
  { id: 'rhr-rising', label: 'Rising resting heart rate' },
  { id: 'sleep-deficit', label: 'Sleep deficit' },
  { id: 'activity-drop', label: 'Activity drop' },
  { id: 'no-data', label: 'No data for 3 days or more' },
  { id: 'on-target', label: 'Meeting targets' },
] as const;
export type TriageGroup = (typeof TRIAGE_GROUPS)[number]['id'];

export type TriagePatient = { id: string; name: string; time_zone: string; last_reviewed_at: Date | null; last_sync_at: Date | null };
/** A CGM wearer's figures beside the reason (percentages to 0.1) and the flags they raised. */
export type TriageCgm = { timeInRange: number; below: number; above: number; cv: number; activePercent: number; flags: CgmFlag['flag'][] };
type Verdict = { group: TriageGroup; reason: string; sparkType: HealthType };

const STALE_MS = 3 * DAY_MS;
export const EMERGENCY_LABELS: Record<EmergencyKind, string> = {
  GLUCOSE_LOW: 'Very low glucose',
  GLUCOSE_HIGH: 'Very high glucose',
  BLOOD_PRESSURE_CRISIS: 'Blood pressure crisis',
  MISSED_MEDICATION: 'Missed doses of a critical medication',
};
const GLUCOSE_GROUPS: Record<GlucoseTargetMiss['share'], TriageGroup> = {
  below54: 'glucose-very-low',
  below70: 'glucose-low',
  above250: 'glucose-very-high',
  above180: 'glucose-high',
  inRange: 'glucose-high',
};
const CGM_GROUPS: Record<CgmFlag['flag'], TriageGroup> = {
  veryLow: 'glucose-very-low',
  below: 'glucose-low',
  low: 'glucose-low',
  veryHigh: 'glucose-very-high',
  above: 'glucose-high',
  high: 'glucose-high',
  target: 'glucose-high',
  cv: 'glucose-variability',
  wear: 'cgm-wear',
};
const round1 = (v: number) => Math.round(v * 10) / 10;

/** "186/96 mmHg", or "160/– mmHg" when a half is missing. */
const mmHg = (d: { systolic?: number; diastolic?: number }) =>
  `${d.systolic !== undefined ? Math.round(d.systolic) : '–'}/${d.diastolic !== undefined ? Math.round(d.diastolic) : '–'} mmHg`;

function emergencyReason(e: Emergency, units: UnitPreferences): string {
  const d = e.details;
  const value = d.mgdl !== undefined ? ` (${formatValue('BLOOD_GLUCOSE', d.mgdl, units)})` : d.systolic !== undefined || d.diastolic !== undefined ? ` (${mmHg(d)})` : '';
  const more = e.open_count > 1 ? `; ${e.open_count - 1} more open` : '';
  return `${EMERGENCY_LABELS[e.kind]}${value}, ${e.status.toLowerCase()}${more}`;
}

/** "Glucose: 9.7 % of readings above 250 mg/dL (target < 5 %); … (31 readings, 14 days)": every missed target. */
function glucoseReason(a: GlucoseAssessment, units: UnitPreferences, what = 'Glucose'): string {
  const number = (mgdl: number) => formatNumber('BLOOD_GLUCOSE', mgdl, units);
  const unit = displayUnit('BLOOD_GLUCOSE', units).label;
  const misses = a.misses.map((m) => `${m.sharePercent} % of readings ${glucoseTargetLabel(m, number, unit)} (target ${m.bound === 'max' ? '<' : '>'} ${m.percent} %)`);
  return `${what}: ${misses.join('; ')} (${a.counts.n} readings, 14 days)`;
}

/** "CGM, last 14 days: 2.3 % of the time below 54 mg/dL (target < 1 %); CV 41.2 % (target ≤ 36 %) (time in range 64.1 %, worn 92.0 %)". */
function cgmReason(a: CgmAssessment, units: UnitPreferences): string {
  const number = (mgdl: number) => formatNumber('BLOOD_GLUCOSE', mgdl, units);
  const unit = displayUnit('BLOOD_GLUCOSE', units).label;
  const m = a.metrics;
  const parts = a.flags.map((f) => {
    if (f.flag === 'cv') return `CV ${round1(f.value)} % (target ≤ ${f.percent} %)`;
    if (f.flag === 'wear') return `CGM worn ${round1(f.value)} % of the time (target ≥ ${f.percent} %)`;
    return `${round1(f.value)} % of the time ${cgmFlagLabel(f, a, number, unit)} (target ${f.bound === 'max' ? '<' : '>'} ${f.percent} %)`;
  });
  return `CGM, last 14 days: ${parts.join('; ')} (time in range ${round1(m.ranges.target)} %, CV ${round1(m.cv)} %, worn ${round1(m.activePercent)} %)`;
}

function cgmFigures(a: CgmAssessment): TriageCgm {
  const r = a.metrics.ranges;
  return {
    timeInRange: round1(r.target), below: round1(r.veryLow + r.low), above: round1(r.high + r.veryHigh),
    cv: round1(a.metrics.cv), activePercent: round1(a.metrics.activePercent), flags: a.flags.map((f) => f.flag),
  };
}

type GlucoseVerdict = { verdict: Verdict; low: boolean };
const rankOf = (v: GlucoseVerdict) => TRIAGE_GROUPS.findIndex((g) => g.id === v.verdict.group);

/**
 * The glucose verdict: a CGM wearer's flags, and their fingersticks judged as a meter-only patient's
 * readings are (at least 10 in 14 days): the more urgent of the two decides the group and both reasons
 * show, so a sensor barely worn cannot hide the lows the meter saw. Meter-only patients: the reading-based
 * targets.
 */
function glucoseVerdict(p: TriagePatient, s: Signals, now: Date, units: UnitPreferences): { verdict: Verdict | null; low: boolean; cgm: TriageCgm | null } {
  const w = s.glucose.get(p.id);
  const cgm = w && w.cgm.length > 0 ? assessCgm({ points: w.cgm, fromMs: w.cgmFromMs, toMs: now.getTime(), preset: w.preset, timeZone: w.timeZone }) : null;
  // The same assessment the patient's insight makes (HIGH for a low miss, MEDIUM for any other).
  const readings = assessGlucose({ readings: (cgm ? w?.meter : w?.readings) ?? [], nowMs: now.getTime() });
  const worstReading = readings?.misses[0];
  const verdicts: GlucoseVerdict[] = [];
  if (cgm?.flags[0]) verdicts.push({ verdict: { group: CGM_GROUPS[cgm.flags[0].flag], reason: cgmReason(cgm, units), sparkType: 'BLOOD_GLUCOSE' }, low: isLowCgmFlag(cgm.flags[0]) });
  if (readings && worstReading) {
    const reason = glucoseReason(readings, units, cgm ? 'Fingersticks' : 'Glucose');
    verdicts.push({ verdict: { group: GLUCOSE_GROUPS[worstReading.share], reason, sparkType: 'BLOOD_GLUCOSE' }, low: isLowMiss(worstReading) });
  }
  verdicts.sort((a, b) => rankOf(a) - rankOf(b));
  const [first, second] = verdicts;
  const figures = cgm ? cgmFigures(cgm) : null;
  if (!first) return { verdict: null, low: false, cgm: figures };
  const reason = second ? `${first.verdict.reason}. ${second.verdict.reason}` : first.verdict.reason;
  return { verdict: { ...first.verdict, reason }, low: first.low, cgm: figures };
}

function bloodPressureReason(f: AlertFinding, limits: { systolicHigh: number; diastolicHigh: number }, timeZone: string): string {
  return `${mmHg(f.details)} on ${localDate(f.atMs, timeZone)} (crisis at ${limits.systolicHigh}/${limits.diastolicHigh})`;
}

/**
 * The first group whose rule matches, with the reason in words for the doctor, and a CGM wearer's figures.
 * `units`: the reading doctor's, so glucose reads in the unit they chose.
 */
export function classify(p: TriagePatient, s: Signals, now: Date, units: UnitPreferences): Verdict & { cgm: TriageCgm | null } {
  const glucose = glucoseVerdict(p, s, now, units);
  return { ...firstMatch(p, s, now, units, glucose), cgm: glucose.cgm };
}

function firstMatch(p: TriagePatient, s: Signals, now: Date, units: UnitPreferences, glucose: ReturnType<typeof glucoseVerdict>): Verdict {
  const today = lastWholeDay(now.getTime(), p.time_zone); // the daily rules judge whole days, as the patient's insights do
  const { verdict: glucoseVerdict, low } = glucose;
  const emergency = s.emergencies.get(p.id);
  if (emergency) {
    return { group: 'emergency', reason: emergencyReason(emergency, units), sparkType: emergency.kind === 'BLOOD_PRESSURE_CRISIS' ? 'BLOOD_PRESSURE_SYSTOLIC' : 'BLOOD_GLUCOSE' };
  }
  if (glucoseVerdict && low) return glucoseVerdict;
  const bp = s.bloodPressure.get(p.id);
  if (bp) {
    const limits = s.thresholds.get(p.id) ?? DEFAULT_ALERT_THRESHOLDS;
    const crisis = findAlerts(bp, limits).find((f) => f.kind === 'BLOOD_PRESSURE_CRISIS');
    if (crisis) return { group: 'bp-crisis', reason: bloodPressureReason(crisis, limits, p.time_zone), sparkType: 'BLOOD_PRESSURE_SYSTOLIC' };
  }
  if (glucoseVerdict) return glucoseVerdict;
  // The patient is told about adherence under 80 % this week (MEDIUM, HIGH under 50 %): so is the doctor.
  const adherence = medicationAdherence({ logs: s.medication.get(p.id) ?? [], nowMs: now.getTime(), timeZone: p.time_zone });
  if (adherence && adherence.severity !== 'INFO') {
    const d = adherence.data;
    const reason = `Took ${Number(d.taken7d) + Number(d.takenLate7d)} of ${d.scheduled7d} scheduled doses in the last 7 days (${d.adherence7d} %; target 80 % or more)`;
    return { group: 'missed-doses', reason, sparkType: 'STEPS' };
  }
  const days = s.daily.get(p.id) ?? new Map<HealthType, DailyValue[]>();
  const insights = s.insights.get(p.id) ?? new Map<string, Record<string, number>>();
  const rhr = restingHrTrend({ days: days.get('RESTING_HEART_RATE') ?? [], today })?.data ?? insights.get('RESTING_HR_TREND');
  if (rhr && Number(rhr.slopePerDay) > 0) {
    return { group: 'rhr-rising', reason: `Up about ${Number(rhr.changePerWeek).toFixed(1)} bpm per week over 30 days (${rhr.days} days of data)`, sparkType: 'RESTING_HEART_RATE' };
  }
  const sleepType: HealthType = days.has('SLEEP_STATE') ? 'SLEEP_STATE' : 'SLEEP_ANALYSIS';
  const sleep = sleepDeficit({ nights: days.get(sleepType) ?? [], today })?.data ?? insights.get('SLEEP_DEFICIT');
  if (sleep) {
    return { group: 'sleep-deficit', reason: `Sleeping ${formatMinutes(Number(sleep.averageMinutes))} a night on average over 14 days (${sleep.nights} nights)`, sparkType: sleepType };
  }
  const activity = activityChange({ steps: days.get('STEPS') ?? [], today })?.data ?? insights.get('ACTIVITY_CHANGE');
  if (activity && Number(activity.changePercent) < 0) {
    const reason = `${Math.abs(Math.round(Number(activity.changePercent)))} % fewer steps this week: ${formatCount(Number(activity.thisWeek))} against a usual ${formatCount(Number(activity.baselineWeekly))}`;
    return { group: 'activity-drop', reason, sparkType: 'STEPS' };
  }
  const lastData = s.lastData.get(p.id);
  if (!lastData || now.getTime() - lastData.getTime() >= STALE_MS) {
    const reason = lastData
      ? `No data for ${Math.floor((now.getTime() - lastData.getTime()) / DAY_MS)} days`
      : p.last_sync_at ? `No data in the last ${RECENT_DAYS} days` : 'No device has synced yet';
    return { group: 'no-data', reason, sparkType: 'STEPS' };
  }
  return { group: 'on-target', reason: 'No alerts or worrying trends in the last 14 days', sparkType: 'STEPS' };
}
