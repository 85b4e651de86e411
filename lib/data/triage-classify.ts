// The triage rules: every patient lands in the first group whose rule matches, in order of clinical
// urgency, with the reason as codes and numbers (worded for each reader by lib/format/triage-reason.ts).
// The rules are the pure ones the patient's own insights use (lib/pipeline), over the same data, so
// triage and insights agree on what "low", "rising" or "short" means, and a problem the patient is told
// about (MEDIUM or HIGH) is never "Meeting targets" here.
import type { EmergencyKind, EmergencyStatus, HealthType } from '../generated/prisma/enums';
import type { UnitPreferences } from '../format/health';
import { triageReasonText } from '../format/triage-reason';
import {
  assessCgm, assessGlucose, isLowCgmFlag, isLowMiss,
  type CgmAssessment, type CgmFlag, type GlucoseAssessment, type GlucoseTargetMiss,
} from '../pipeline/glucose-targets';
import {
  activityChange, DEFAULT_ALERT_THRESHOLDS, findAlerts, lastWholeDay, medicationAdherence, restingHrTrend, sleepDeficit,
  type AlertFinding, type DailyValue,
} from '../pipeline/insights';
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
type Verdict = { group: TriageGroup; reasonData: TriageReason; sparkType: HealthType };

const STALE_MS = 3 * DAY_MS;
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

/**
 * Why a patient sits in their group, as codes and numbers (glucose in mg/dL, percentages, counts): the
 * page words it in the reader's language and unit (lib/format/triage-reason.ts); the API's `reason`
 * is its English wording.
 */
export type TriageReason =
  | { kind: 'emergency'; emergency: EmergencyKind; status: EmergencyStatus; moreOpen: number; mgdl?: number; systolic?: number; diastolic?: number }
  /** One or two sources (a CGM wearer's fingersticks too), the more urgent first. */
  | { kind: 'glucose'; parts: TriageGlucosePart[] }
  | { kind: 'bpCrisis'; systolic?: number; diastolic?: number; day: string; systolicHigh: number; diastolicHigh: number }
  | { kind: 'missedDoses'; taken: number; scheduled: number; percent: number; days: number; target: number }
  | { kind: 'rhrRising'; perWeek: number; days: number; window: number }
  | { kind: 'sleepDeficit'; minutes: number; nights: number; window: number }
  | { kind: 'activityDrop'; percent: number; thisWeek: number; usual: number }
  | { kind: 'noData'; days: number }
  | { kind: 'noRecentData'; days: number }
  | { kind: 'neverSynced' }
  | { kind: 'onTarget'; days: number };
export type TriageGlucoseTarget = { share: GlucoseTargetMiss['share']; mgdl: number[]; sharePercent: number; bound: 'max' | 'min'; percent: number };
export type TriageCgmFlag = { flag: CgmFlag['flag']; value: number; bound: 'max' | 'min'; percent: number };
export type TriageGlucosePart =
  | { source: 'glucose' | 'fingersticks'; misses: TriageGlucoseTarget[]; readings: number; days: number }
  /** `low`, `high`: the preset's in-range bounds, mg/dL; figures in %, to 0.1. */
  | { source: 'cgm'; days: number; flags: TriageCgmFlag[]; low: number; high: number; timeInRange: number; cv: number; worn: number };

const GLUCOSE_DAYS = 14;

function emergencyReason(e: Emergency): TriageReason {
  const { mgdl, systolic, diastolic } = e.details;
  return { kind: 'emergency', emergency: e.kind, status: e.status, moreOpen: Math.max(0, e.open_count - 1), mgdl, systolic, diastolic };
}

/** Every missed target of the readings ("Glucose: 9.7 % of readings above 250 mg/dL (target < 5 %); … (31 readings, 14 days)"). */
function glucoseReason(a: GlucoseAssessment, source: 'glucose' | 'fingersticks'): TriageGlucosePart {
  const misses = a.misses.map((m) => ({ share: m.share, mgdl: [...m.mgdl], sharePercent: m.sharePercent, bound: m.bound, percent: m.percent }));
  return { source, misses, readings: a.counts.n, days: GLUCOSE_DAYS };
}

/** "CGM, last 14 days: 2.3 % of the time below 54 mg/dL (target < 1 %); CV 41.2 % (target ≤ 36 %) (time in range 64.1 %, CV 41.2 %, worn 92 %)". */
function cgmReason(a: CgmAssessment): TriageGlucosePart {
  const m = a.metrics;
  return {
    source: 'cgm', days: GLUCOSE_DAYS, low: a.low, high: a.high,
    flags: a.flags.map((f) => ({ flag: f.flag, value: round1(f.value), bound: f.bound, percent: f.percent })),
    timeInRange: round1(m.ranges.target), cv: round1(m.cv), worn: round1(m.activePercent),
  };
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
const glucoseParts = (v: Verdict) => (v.reasonData.kind === 'glucose' ? v.reasonData.parts : []);

/**
 * The glucose verdict: a CGM wearer's flags, and their fingersticks judged as a meter-only patient's
 * readings are (at least 10 in 14 days): the more urgent of the two decides the group and both reasons
 * show, so a sensor barely worn cannot hide the lows the meter saw. Meter-only patients: the reading-based
 * targets.
 */
function glucoseVerdict(p: TriagePatient, s: Signals, now: Date): { verdict: Verdict | null; low: boolean; cgm: TriageCgm | null } {
  const w = s.glucose.get(p.id);
  const cgm = w && w.cgm.length > 0 ? assessCgm({ points: w.cgm, fromMs: w.cgmFromMs, toMs: now.getTime(), preset: w.preset, timeZone: w.timeZone }) : null;
  // The same assessment the patient's insight makes (HIGH for a low miss, MEDIUM for any other).
  const readings = assessGlucose({ readings: (cgm ? w?.meter : w?.readings) ?? [], nowMs: now.getTime() });
  const worstReading = readings?.misses[0];
  const verdicts: GlucoseVerdict[] = [];
  if (cgm?.flags[0]) {
    verdicts.push({ verdict: { group: CGM_GROUPS[cgm.flags[0].flag], reasonData: { kind: 'glucose', parts: [cgmReason(cgm)] }, sparkType: 'BLOOD_GLUCOSE' }, low: isLowCgmFlag(cgm.flags[0]) });
  }
  if (readings && worstReading) {
    const reasonData: TriageReason = { kind: 'glucose', parts: [glucoseReason(readings, cgm ? 'fingersticks' : 'glucose')] };
    verdicts.push({ verdict: { group: GLUCOSE_GROUPS[worstReading.share], reasonData, sparkType: 'BLOOD_GLUCOSE' }, low: isLowMiss(worstReading) });
  }
  verdicts.sort((a, b) => rankOf(a) - rankOf(b));
  const [first, second] = verdicts;
  const figures = cgm ? cgmFigures(cgm) : null;
  if (!first) return { verdict: null, low: false, cgm: figures };
  const parts = [...glucoseParts(first.verdict), ...(second ? glucoseParts(second.verdict) : [])];
  return { verdict: { ...first.verdict, reasonData: { kind: 'glucose', parts } }, low: first.low, cgm: figures };
}

function bloodPressureReason(f: AlertFinding, limits: { systolicHigh: number; diastolicHigh: number }, timeZone: string): TriageReason {
  const { systolic, diastolic } = f.details;
  return { kind: 'bpCrisis', systolic, diastolic, day: localDate(f.atMs, timeZone), systolicHigh: limits.systolicHigh, diastolicHigh: limits.diastolicHigh };
}

/**
 * The first group whose rule matches, with the reason as codes and numbers and, in English for the API,
 * in words; and a CGM wearer's figures. `units`: the reading doctor's, so glucose reads in the unit they chose.
 */
export function classify(p: TriagePatient, s: Signals, now: Date, units: UnitPreferences): Verdict & { reason: string; cgm: TriageCgm | null } {
  const glucose = glucoseVerdict(p, s, now);
  const verdict = firstMatch(p, s, now, glucose);
  return { ...verdict, reason: triageReasonText(verdict.reasonData, units, 'en'), cgm: glucose.cgm };
}

function firstMatch(p: TriagePatient, s: Signals, now: Date, glucose: ReturnType<typeof glucoseVerdict>): Verdict {
  const today = lastWholeDay(now.getTime(), p.time_zone); // the daily rules judge whole days, as the patient's insights do
  const { verdict: glucoseVerdict, low } = glucose;
  const emergency = s.emergencies.get(p.id);
  if (emergency) {
    return { group: 'emergency', reasonData: emergencyReason(emergency), sparkType: emergency.kind === 'BLOOD_PRESSURE_CRISIS' ? 'BLOOD_PRESSURE_SYSTOLIC' : 'BLOOD_GLUCOSE' };
  }
  if (glucoseVerdict && low) return glucoseVerdict;
  const bp = s.bloodPressure.get(p.id);
  if (bp) {
    const limits = s.thresholds.get(p.id) ?? DEFAULT_ALERT_THRESHOLDS;
    const crisis = findAlerts(bp, limits).find((f) => f.kind === 'BLOOD_PRESSURE_CRISIS');
    if (crisis) return { group: 'bp-crisis', reasonData: bloodPressureReason(crisis, limits, p.time_zone), sparkType: 'BLOOD_PRESSURE_SYSTOLIC' };
  }
  if (glucoseVerdict) return glucoseVerdict;
  // The patient is told about adherence under 80 % this week (MEDIUM, HIGH under 50 %): so is the doctor.
  const adherence = medicationAdherence({ logs: s.medication.get(p.id) ?? [], nowMs: now.getTime(), timeZone: p.time_zone });
  if (adherence && adherence.severity !== 'INFO') {
    const d = adherence.data;
    const reasonData: TriageReason = { kind: 'missedDoses', taken: Number(d.taken7d) + Number(d.takenLate7d), scheduled: Number(d.scheduled7d), percent: Number(d.adherence7d), days: 7, target: 80 };
    return { group: 'missed-doses', reasonData, sparkType: 'STEPS' };
  }
  const days = s.daily.get(p.id) ?? new Map<HealthType, DailyValue[]>();
  const insights = s.insights.get(p.id) ?? new Map<string, Record<string, number>>();
  const rhr = restingHrTrend({ days: days.get('RESTING_HEART_RATE') ?? [], today })?.data ?? insights.get('RESTING_HR_TREND');
  if (rhr && Number(rhr.slopePerDay) > 0) {
    return { group: 'rhr-rising', reasonData: { kind: 'rhrRising', perWeek: Number(rhr.changePerWeek), days: Number(rhr.days), window: 30 }, sparkType: 'RESTING_HEART_RATE' };
  }
  const sleepType: HealthType = days.has('SLEEP_STATE') ? 'SLEEP_STATE' : 'SLEEP_ANALYSIS';
  const sleep = sleepDeficit({ nights: days.get(sleepType) ?? [], today })?.data ?? insights.get('SLEEP_DEFICIT');
  if (sleep) {
    return { group: 'sleep-deficit', reasonData: { kind: 'sleepDeficit', minutes: Number(sleep.averageMinutes), nights: Number(sleep.nights), window: 14 }, sparkType: sleepType };
  }
  const activity = activityChange({ steps: days.get('STEPS') ?? [], today })?.data ?? insights.get('ACTIVITY_CHANGE');
  if (activity && Number(activity.changePercent) < 0) {
    const reasonData: TriageReason = {
      kind: 'activityDrop', percent: Math.abs(Math.round(Number(activity.changePercent))), thisWeek: Number(activity.thisWeek), usual: Number(activity.baselineWeekly),
    };
    return { group: 'activity-drop', reasonData, sparkType: 'STEPS' };
  }
  const lastData = s.lastData.get(p.id);
  if (!lastData || now.getTime() - lastData.getTime() >= STALE_MS) {
    const reasonData: TriageReason = lastData
      ? { kind: 'noData', days: Math.floor((now.getTime() - lastData.getTime()) / DAY_MS) }
      : p.last_sync_at ? { kind: 'noRecentData', days: RECENT_DAYS } : { kind: 'neverSynced' };
    return { group: 'no-data', reasonData, sparkType: 'STEPS' };
  }
  return { group: 'on-target', reasonData: { kind: 'onTarget', days: 14 }, sparkType: 'STEPS' };
}
