// What a doctor or caregiver sees of one patient beyond the charts: active insights, recent timeline
// events, medications with adherence, and emergencies. Every section follows the care link: health
// data needs view permission (doctors always have it), emergencies need alert permission (doctors
// always). A caller without an active link of their own role gets "not found", like any other read.
import { recordListRead } from '../audit/context';
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import { renderInsightText, type InsightReader } from '../format/insight-text';
import type { AlertDelivery, CareKind, EmergencyKind, EmergencyStatus, HealthEventKind, InsightKind, Severity } from '../generated/prisma/enums';
import { notFound } from '../http/errors';
import { isUuid } from './access';
import { findDisplayUnits } from './aggregates';
import { readerLocale } from './insights';
import { type EmergencyHistory, findEmergencyHistories } from './emergency-views';
import { decryptEventPayload } from './event-fields';
import { maybeDisplayName } from './profile-fields';
import { decryptEmail, searchableEmail } from './user-email';
import { medicationAdherenceOf } from './medication-doses';
import type { Adherence } from '../pipeline/medication-adherence-stats';
import { medicationTimes } from './medications';

const DAY_MS = 86_400_000;
const EVENT_DAYS = 30;
const EVENT_LIMIT = 20;
const RESOLVED_EMERGENCY_DAYS = 30;

export type CareAccess = {
  kind: CareKind;
  canView: boolean;
  canLogData: boolean;
  canReceiveAlerts: boolean;
  lastReviewedAt: string | null;
  alertDelivery: AlertDelivery;
};
export type CaredForPatient = { patient: { id: string; name: string; timeZone: string }; access: CareAccess };

type LinkRow = {
  patient_id: string; name: string; time_zone: string; kind: CareKind; can_view: boolean; can_log_data: boolean;
  can_receive_alerts: boolean; last_reviewed_at: Date | null; alert_delivery: AlertDelivery;
};

// A doctor's link grants everything it can; a caregiver's carries its own permissions.
function toCaredFor(row: LinkRow): CaredForPatient {
  const doctor = row.kind === 'DOCTOR';
  return {
    patient: { id: row.patient_id, name: row.name, timeZone: row.time_zone },
    access: {
      kind: row.kind,
      canView: doctor || row.can_view,
      canLogData: !doctor && row.can_log_data,
      canReceiveAlerts: doctor || row.can_receive_alerts,
      lastReviewedAt: row.last_reviewed_at?.toISOString() ?? null,
      alertDelivery: row.alert_delivery,
    },
  };
}

// Names are encrypted, so they are decrypted and sorted here rather than in SQL.
async function activeLinks(caller: Caller, patientId: string | null): Promise<LinkRow[]> {
  const kind = caller.role === 'DOCTOR' || caller.role === 'CAREGIVER' ? caller.role : null;
  if (!kind) return [];
  const rows = await prisma.$queryRaw<(Omit<LinkRow, 'name'> & { email: string; display_name: string | null })[]>`
    SELECT cr.patient_id::text, u.email_ciphertext AS email, p.display_name, COALESCE(p.time_zone, 'UTC') AS time_zone, cr.kind,
           cr.can_view, cr.can_log_data, cr.can_receive_alerts, cr.last_reviewed_at, cr.alert_delivery
    FROM care_relationships cr
    JOIN users u ON u.id = cr.patient_id AND u.disabled_at IS NULL
    LEFT JOIN profiles p ON p.user_id = u.id
    WHERE cr.carer_id = ${caller.id}::uuid AND cr.kind = ${kind}::"CareKind" AND cr.revoked_at IS NULL
      AND (${patientId}::uuid IS NULL OR cr.patient_id = ${patientId}::uuid)`;
  const links = await Promise.all(
    rows.map(async ({ email, display_name, ...row }) => ({ ...row, name: (await maybeDisplayName(row.patient_id, display_name)) ?? (await decryptEmail(row.patient_id, email)) })),
  );
  return links.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.patient_id.localeCompare(b.patient_id));
}

/** The patients the caller cares for (as their own role), with what each link allows; each one recorded as shown. */
export async function listCaredForPatients(caller: Caller): Promise<CaredForPatient[]> {
  const people = (await activeLinks(caller, null)).map(toCaredFor);
  await recordListRead('cared-for', people.map((p) => p.patient.id), caller.id); // before any of it is shown
  return people;
}

/** The caller's active link to this patient, or 404 (also for ids that are not uuids). */
export async function findCareLink(caller: Caller, patientId: string): Promise<CaredForPatient> {
  if (!isUuid(patientId)) throw notFound('patient');
  const [row] = await activeLinks(caller, patientId);
  if (!row) throw notFound('patient');
  return toCaredFor(row);
}

export type OverviewInsight = { id: string; kind: InsightKind; severity: Severity; title: string; body: string; updatedAt: string };
export type OverviewEvent = { id: string; kind: HealthEventKind; occurredAt: string; payload: Record<string, unknown>; recordedBy: string | null; byPatient: boolean };
export type OverviewAdherence = { taken: number; scheduled: number; percent: number | null };
export type OverviewMedication = { id: string; name: string; dosage: string | null; times: string[]; startedOn: string; endedOn: string | null; stoppedAt: string | null; last7Days: OverviewAdherence; last30Days: OverviewAdherence };
export type OverviewEmergency = { id: string; kind: EmergencyKind; status: EmergencyStatus; details: Record<string, number>; detectedAt: string; resolvedAt: string | null } & EmergencyHistory;
export type PatientOverview = CaredForPatient & {
  insights: OverviewInsight[] | null;
  events: OverviewEvent[] | null;
  medications: { items: OverviewMedication[]; last7Days: OverviewAdherence; last30Days: OverviewAdherence } | null;
  emergencies: OverviewEmergency[] | null;
};


/** Texts for the carer: a doctor reads neutral clinical wording, a caregiver the patient's name; each in their own units and language. */
async function insightReader(caller: Caller, link: CaredForPatient): Promise<InsightReader> {
  const [units, locale] = await Promise.all([findDisplayUnits(caller.id), readerLocale(caller.id, true)]);
  return link.access.kind === 'DOCTOR' ? { audience: 'doctor', units, locale } : { audience: 'caregiver', units, patientName: link.patient.name, locale };
}

async function findInsights(patientId: string, reader: InsightReader): Promise<OverviewInsight[]> {
  // Read without recording a view: views are the patient's own interactions.
  const rows = await prisma.insight.findMany({
    where: { userId: patientId, status: 'ACTIVE' },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, kind: true, severity: true, data: true, updatedAt: true },
  });
  return rows.map(({ data, ...r }) => ({ ...r, ...renderInsightText({ ...r, data }, reader), updatedAt: r.updatedAt.toISOString() }));
}

async function findEvents(patientId: string, now: Date): Promise<OverviewEvent[]> {
  // A correction supersedes an earlier event; only the latest version is shown.
  const rows = await prisma.$queryRaw<{ id: string; kind: HealthEventKind; occurred_at: Date; payload: string; display_name: string | null; email: string | null; recorded_by_id: string }[]>`
    SELECT e.id::text, e.kind, e.occurred_at, e.payload, p.display_name, u.email_ciphertext AS email, e.recorded_by_id::text
    FROM health_events e
    LEFT JOIN users u ON u.id = e.recorded_by_id
    LEFT JOIN profiles p ON p.user_id = e.recorded_by_id
    WHERE e.user_id = ${patientId}::uuid AND e.occurred_at > ${new Date(now.getTime() - EVENT_DAYS * DAY_MS)} AND e.occurred_at <= ${now}
      AND NOT EXISTS (SELECT 1 FROM health_events n WHERE n.supersedes_id = e.id)
    ORDER BY e.occurred_at DESC
    LIMIT ${EVENT_LIMIT}`;
  return Promise.all(rows.map(async (r) => ({
    id: r.id, kind: r.kind, occurredAt: r.occurred_at.toISOString(), payload: await decryptEventPayload(patientId, r.id, r.payload),
    recordedBy: (await maybeDisplayName(r.recorded_by_id, r.display_name)) ?? (r.email && (await searchableEmail(r.recorded_by_id, r.email))), byPatient: r.recorded_by_id === patientId,
  })));
}

async function findMedications(patientId: string, now: Date): Promise<NonNullable<PatientOverview['medications']>> {
  // Doses planned in the last 7 and 30 days, as the adherence endpoint counts them (taken late counts as
  // taken); the doses past their window are written as missed first, so none is left out of the figure.
  const since30 = new Date(now.getTime() - 30 * DAY_MS);
  const [medications, adherence] = await Promise.all([
    prisma.medication.findMany({
      // Current ones, and those ended or stopped in the last 30 days (their doses are in the figures).
      where: { userId: patientId, AND: [{ OR: [{ endedOn: null }, { endedOn: { gte: since30 } }] }, { OR: [{ stoppedAt: null }, { stoppedAt: { gte: since30 } }] }] },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, dosage: true, schedule: true, startedOn: true, endedOn: true, stoppedAt: true },
    }),
    medicationAdherenceOf({ patientId, timeZone: 'UTC', types: 'ALL' }, now.getTime()),
  ]);
  const figures = (a: Adherence | undefined, days: 7 | 30): OverviewAdherence => {
    const w = a?.windows.find((x) => x.days === days);
    return { taken: w?.taken ?? 0, scheduled: w?.planned ?? 0, percent: w?.percent ?? null };
  };
  const byMedication = new Map(adherence.medications.map((m) => [m.id, m]));
  const items = medications.map((m): OverviewMedication => ({
    id: m.id, name: m.name, dosage: m.dosage, times: medicationTimes(m.schedule),
    startedOn: m.startedOn.toISOString().slice(0, 10), endedOn: m.endedOn?.toISOString().slice(0, 10) ?? null, stoppedAt: m.stoppedAt?.toISOString() ?? null,
    last7Days: figures(byMedication.get(m.id), 7),
    last30Days: figures(byMedication.get(m.id), 30),
  }));
  return { items, last7Days: figures(adherence, 7), last30Days: figures(adherence, 30) };
}

async function findEmergencies(patientId: string, now: Date): Promise<OverviewEmergency[]> {
  const rows = await prisma.emergencyEvent.findMany({
    where: {
      patientId,
      OR: [{ status: { not: 'RESOLVED' } }, { resolvedAt: { gt: new Date(now.getTime() - RESOLVED_EMERGENCY_DAYS * DAY_MS) } }],
    },
    orderBy: { detectedAt: 'desc' },
    take: 20,
    select: { id: true, patientId: true, kind: true, status: true, details: true, detectedAt: true, resolvedAt: true, startedAt: true },
  });
  // The episode's readings, recovery and who was notified, as the emergencies API shows them.
  const histories = await findEmergencyHistories(rows);
  return rows.map((r) => ({
    id: r.id, kind: r.kind, status: r.status, details: r.details as Record<string, number>,
    detectedAt: r.detectedAt.toISOString(), resolvedAt: r.resolvedAt?.toISOString() ?? null, ...histories.get(r.id)!,
  }));
}

/** The patient's overview as the caller's link allows; sections the link does not allow are null. */
export async function findPatientOverview(caller: Caller, patientId: string, now = new Date()): Promise<PatientOverview> {
  const link = await findCareLink(caller, patientId);
  const { canView, canReceiveAlerts } = link.access;
  const [insights, events, medications, emergencies] = await Promise.all([
    canView ? findInsights(patientId, await insightReader(caller, link)) : null,
    canView ? findEvents(patientId, now) : null,
    canView ? findMedications(patientId, now) : null,
    canReceiveAlerts ? findEmergencies(patientId, now) : null,
  ]);
  return { ...link, insights, events, medications, emergencies };
}
