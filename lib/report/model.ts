// The clinic report (the AGP report layout) as one model: the page and the PDF both render this, built
// by one loader (load.ts), so what the doctor reads on screen and what they print can never differ.
// Pure: the loader gathers the data, this shapes it.
//
// Percentages are whole numbers, as the AGP report prints them, rounded with roundShares(…, 0) from the
// metrics answer's shares: they still sum to 100 and a share above zero is never printed as 0 (a
// 0.3 % of very low glucose must not read as none).
import type { GlucoseMetricsAnswer, PeriodGlucose } from '../data/glucose-report';
import type { EmergencyKind, EmergencyStatus } from '../generated/prisma/enums';
import { MAX_READING_MS, roundShares, targetSet, type AgpSlot, type RangeShares, type TargetSet } from '../pipeline/glucose-metrics';
import { addDays, parseDay, zoneClock } from '../time';
import type { Locale } from '../i18n/locales';

export const DAILY_PROFILE_DAYS = 14;

export type ReportMedication = { name: string; dosage: string | null; times: string[]; startedOn: string; endedOn: string | null };
export type ReportEmergency = { kind: EmergencyKind; status: EmergencyStatus; detectedAt: string; details: Record<string, number> };
/** The latest result of each test (lib/report/load.ts); absent for a share's reader, and then the report shows nothing for them. */
export type ReportLab = { label: string; value: string; takenOn: string; flag?: 'low' | 'high' | null; note?: string | null };
/** The record (issue 19): absent for a share's reader. An allergy that is severe or of high criticality is `dangerous`. */
export type ReportCondition = { label: string; code: string | null; status: string };
export type ReportAllergy = { substance: string; reaction: string | null; severity: string | null; dangerous: boolean };
export type DiabetesProfileSummary = { diabetesType: string | null; diagnosisYear: number | null; targetHba1c: number | null };

/** One point of a daily profile: minute of the patient's local day and mg/dL; `gapBefore` breaks the line. */
export type ProfilePoint = { minute: number; mgdl: number; gapBefore: boolean };
export type DailyProfile = { day: string; points: ProfilePoint[]; kind: 'cgm' | 'meter' };

export type ReportModel = {
  patient: { id: string; name: string; timeZone: string };
  period: { from: string; to: string; days: number };
  printedAt: string;
  /** The reader's glucose unit (values in the model stay mg/dL). */
  unit: 'MG_DL' | 'MMOL_L';
  /** The reader's language (whoever reads or downloads it: the patient, their doctor or caregiver, a share's reader). */
  locale: Locale;
  source: 'cgm' | 'meter';
  metrics: GlucoseMetricsAnswer;
  /** Whole-number shares (roundShares(…, 0)); null for meter-only periods. */
  ranges: RangeShares | null;
  targets: TargetSet;
  /** CGM only: the 96 AGP slots (n 0: no readings, a gap). */
  agp: AgpSlot[] | null;
  daily: DailyProfile[];
  profile: DiabetesProfileSummary | null;
  /** null: not part of what this reader may see (a share); [] none. */
  medications: ReportMedication[] | null;
  emergencies: ReportEmergency[] | null;
  labs?: ReportLab[];
  conditions?: ReportCondition[];
  allergies?: ReportAllergy[];
  /** Set when the report is read within a share (its days and types only). */
  shareNote: string | null;
};

export const periodDays = (from: string, to: string) => parseDay(to) - parseDay(from) + 1;

/**
 * The last 14 local days of the period, one profile each (oldest first): CGM readings as a line broken
 * where readings are more than 15 minutes apart, or the meter's spot checks when there is no CGM.
 */
export function dailyProfiles(glucose: Pick<PeriodGlucose, 'from' | 'to' | 'timeZone' | 'cgm' | 'meter'>, source: 'cgm' | 'meter'): DailyProfile[] {
  const clock = zoneClock(glucose.timeZone);
  const count = Math.min(DAILY_PROFILE_DAYS, periodDays(glucose.from, glucose.to));
  const first = addDays(glucose.to, -(count - 1));
  const days = Array.from({ length: count }, (_, i) => addDays(first, i));
  const byDay = new Map<string, ProfilePoint[]>(days.map((d) => [d, []]));
  const readings = source === 'cgm' ? glucose.cgm : glucose.meter;
  const sorted = [...readings].sort((a, b) => a.atMs - b.atMs);
  let previous: number | null = null;
  for (const r of sorted) {
    const local = new Date(r.atMs + clock.offsetAt(r.atMs));
    const day = local.toISOString().slice(0, 10);
    const points = byDay.get(day);
    const gap = previous === null || r.atMs - previous > MAX_READING_MS;
    previous = r.atMs;
    if (!points) continue;
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
    points.push({ minute, mgdl: r.mgdl, gapBefore: gap || points.length === 0 });
  }
  return days.map((day) => ({ day, points: byDay.get(day)!, kind: source }));
}

export type ReportInput = {
  patient: ReportModel['patient'];
  glucose: PeriodGlucose;
  metrics: GlucoseMetricsAnswer;
  agp: AgpSlot[];
  nowMs: number;
  unit: ReportModel['unit'];
  locale?: Locale;
  profile: DiabetesProfileSummary | null;
  medications: ReportMedication[] | null;
  emergencies: ReportEmergency[] | null;
  labs?: ReportLab[];
  conditions?: ReportCondition[];
  allergies?: ReportAllergy[];
  shareNote?: string | null;
};

export function buildReportModel(input: ReportInput): ReportModel {
  const { metrics } = input;
  const cgm = metrics.source === 'cgm';
  return {
    patient: input.patient,
    period: { from: metrics.from, to: metrics.to, days: periodDays(metrics.from, metrics.to) },
    printedAt: new Date(input.nowMs).toISOString(),
    unit: input.unit,
    locale: input.locale ?? 'en',
    source: metrics.source,
    metrics,
    ranges: metrics.ranges ? roundShares(metrics.ranges, 0) : null,
    targets: targetSet(metrics.targets.preset),
    agp: cgm && input.agp.some((s) => s.n > 0) ? input.agp : null,
    daily: dailyProfiles(input.glucose, metrics.source),
    profile: input.profile,
    medications: input.medications,
    emergencies: input.emergencies,
    ...(input.labs ? { labs: input.labs } : {}),
    ...(input.conditions ? { conditions: input.conditions } : {}),
    ...(input.allergies ? { allergies: input.allergies } : {}),
    shareNote: input.shareNote ?? null,
  };
}

export const minuteLabel = (minute: number) => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(Math.round(minute % 60)).padStart(2, '0')}`;
