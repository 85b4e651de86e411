// The one loader of the clinic report: the page and the PDF both call it, so they never differ. Who reads
// decides what is in it: the patient and their doctor see everything (latest labs included); a caregiver with view permission
// sees the medications, and open emergencies only with alert permission (as their patient page does);
// a share's reader sees glucose within the share's days and nothing else (a share carries sample types,
// not medications or emergencies). Anyone else gets 404 from patientScope.
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import { ownScope, patientScope, type ReadScope } from '../data/access';
import { findDisplayUnits } from '../data/aggregates';
import { readDiabetesProfile } from '../data/diabetes-profile';
import { agpAnswer, loadPeriodGlucose, metricsAnswer, targetPresetOf, type Period } from '../data/glucose-report';
import { findCareLink } from '../data/patient-overview';
import { gmiBefore, listLabResults, type LabAnswer } from '../data/labs';
import { loadPatientRecord } from '../data/record';
import { findDisplayNames } from '../data/profile-fields';
import { decryptEmail } from '../data/user-email';
import { DEFAULT_UNITS, localDigits, type UnitPreferences } from '../format/health';
import { formatLabValue, gmiCoverageNote, labName } from '../format/labs';
import { localDate, zonedDayRangeUtc } from '../time';
import { buildReportModel, type ReportEmergency, type ReportLab, type ReportMedication, type ReportModel } from './model';
import { medicationTimes } from '../data/medications';
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { reportDay } from './format';

export type ReportAccess = {
  scope: ReadScope;
  units: UnitPreferences;
  /** What beyond glucose this reader may see. */
  include: { profile: boolean; medications: boolean; emergencies: boolean; labs: boolean };
  /** Read within a share (its days narrow every period). */
  shared: boolean;
};

export async function ownReportAccess(caller: Caller): Promise<ReportAccess> {
  return { scope: await ownScope(caller), units: await findDisplayUnits(caller.id), include: { profile: true, medications: true, emergencies: true, labs: true }, shared: false };
}

/** A doctor's or caregiver's report of a patient: their care link, else a share (?share= picks one), else 404. */
export async function carerReportAccess(caller: Caller, patientId: string, shareId: string | null = null): Promise<ReportAccess> {
  const scope = await patientScope(caller, patientId, { shareId });
  const units = await findDisplayUnits(caller.id);
  if (scope.types !== 'ALL') return { scope, units, include: { profile: false, medications: false, emergencies: false, labs: false }, shared: true };
  const { access } = await findCareLink(caller, patientId);
  return { scope, units, include: { profile: true, medications: access.canView, emergencies: access.canReceiveAlerts, labs: true }, shared: false };
}

/** A link share's reader (no account): the share's scope, default units. */
export function linkShareReportAccess(scope: ReadScope): ReportAccess {
  return { scope, units: DEFAULT_UNITS, include: { profile: false, medications: false, emergencies: false, labs: false }, shared: true };
}

async function patientName(patientId: string): Promise<string> {
  const name = (await findDisplayNames([patientId])).get(patientId);
  if (name) return name;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: patientId }, select: { emailCiphertext: true } });
  return decryptEmail(patientId, user.emailCiphertext);
}

/** Medications taken at any time in the period (read-only, as the carer's overview reads them). */
async function findReportMedications(patientId: string, period: Period): Promise<ReportMedication[]> {
  const rows = await prisma.medication.findMany({
    where: { userId: patientId, startedOn: { lte: new Date(`${period.to}T00:00:00Z`) }, OR: [{ endedOn: null }, { endedOn: { gte: new Date(`${period.from}T00:00:00Z`) } }] },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { name: true, dosage: true, schedule: true, startedOn: true, endedOn: true },
  });
  return rows.map((m) => ({
    name: m.name, dosage: m.dosage, times: medicationTimes(m.schedule),
    startedOn: m.startedOn.toISOString().slice(0, 10), endedOn: m.endedOn?.toISOString().slice(0, 10) ?? null,
  }));
}

/** Emergencies not yet resolved, newest first. */
async function findOpenEmergencies(patientId: string): Promise<ReportEmergency[]> {
  const rows = await prisma.emergencyEvent.findMany({
    where: { patientId, status: { not: 'RESOLVED' } },
    orderBy: { detectedAt: 'desc' },
    take: 20,
    select: { kind: true, status: true, details: true, detectedAt: true },
  });
  return rows.map((r) => ({ kind: r.kind, status: r.status, details: r.details as Record<string, number>, detectedAt: r.detectedAt.toISOString() }));
}

const LATEST_LABS = 8;

/**
 * The latest result of each test up to the period's end (newest first, at most 8), each with its flag; the
 * latest HbA1c with the GMI of the 90 days before it, when CGM readings cover enough of them.
 */
async function findLatestLabs(scope: ReadScope, period: Period, nowMs: number, locale: Locale): Promise<ReportLab[]> {
  const results = await listLabResults(scope, { toMs: zonedDayRangeUtc(period.to, scope.timeZone).endMs, limit: 200, withGmi: false });
  const latest = new Map<string, LabAnswer>();
  for (const r of results) if (!latest.has(r.lab ?? r.code)) latest.set(r.lab ?? r.code, r);
  const shown = [...latest.values()].slice(0, LATEST_LABS);
  const hba1c = shown.find((r) => r.lab === 'hba1c');
  const gmi = hba1c ? await gmiBefore(scope, Date.parse(hba1c.effectiveAt), nowMs) : null;
  return shown.map((r) => ({
    label: labName(r, locale),
    value: formatLabValue(r.value, r.unit, locale),
    takenOn: localDate(Date.parse(r.effectiveAt), scope.timeZone),
    flag: r.flag,
    note: r === hba1c && gmi ? (gmi.gmi !== null ? translator(locale, 'report')('labGmi', { gmi: localDigits(String(gmi.gmi), locale) }) : gmiCoverageNote(gmi, locale)) : null,
  }));
}

/** `locale`: the reader's language (the report's words, dates and numbers). */
export async function loadReport(access: ReportAccess, period: Period, opts: { nowMs?: number; locale?: Locale } = {}): Promise<ReportModel> {
  const nowMs = opts.nowMs ?? Date.now();
  const locale = opts.locale ?? 'en';
  const { scope, include } = access;
  const [glucose, preset, name, profile, medications, emergencies, labs, record] = await Promise.all([
    loadPeriodGlucose(scope, period, nowMs),
    targetPresetOf(scope.patientId),
    patientName(scope.patientId),
    include.profile ? readDiabetesProfile(scope.patientId) : null,
    include.medications ? findReportMedications(scope.patientId, period) : null,
    include.emergencies ? findOpenEmergencies(scope.patientId) : null,
    include.labs ? findLatestLabs(scope, period, nowMs, locale) : undefined,
    // The record (issue 19): for whoever reads the whole patient (not a share's reader). Resolved conditions are left out.
    access.shared ? undefined : loadPatientRecord(scope.patientId),
  ]);
  const metrics = metricsAnswer(glucose, preset);
  return buildReportModel({
    patient: { id: scope.patientId, name, timeZone: scope.timeZone },
    glucose, metrics, agp: agpAnswer(glucose).slots, nowMs,
    unit: access.units.glucoseUnit,
    locale,
    profile: profile && { diabetesType: profile.diabetesType, diagnosisYear: profile.diagnosisYear, targetHba1c: profile.targetHba1c },
    medications, emergencies, labs,
    ...(record ? {
      conditions: record.conditions.filter((c) => c.clinicalStatus !== 'RESOLVED').map((c) => ({ label: c.display, code: c.code, status: c.clinicalStatus.toLowerCase() })),
      allergies: record.allergies.filter((a) => a.clinicalStatus === 'ACTIVE').map((a) => ({ substance: a.substance, reaction: a.reaction, severity: a.severity?.toLowerCase() ?? null, dangerous: a.dangerous })),
    } : {}),
    shareNote: access.shared ? translator(locale, 'report')('shareNote', { from: scope.fromDay ? reportDay(scope.fromDay, locale) : '', to: scope.toDay ? reportDay(scope.toDay, locale) : '' }) : null,
  });
}
