// Emergency events: opened by the pipeline when a recent reading crosses the patient's thresholds (set
// by their doctor, else the defaults), at most one unresolved event per kind; acknowledged, escalated
// and resolved by the patient or the people allowed to receive their alerts.
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import type { EmergencyKind } from '../generated/prisma/enums';
import { notFound } from '../http/errors';
import { DEFAULT_ALERT_THRESHOLDS, findAlerts, type AlertReading } from '../pipeline/insights';
import { connectClient } from '../db/client';
import { dedupSamples } from '../pipeline';
import { loadSamples } from './aggregation/load-samples';
import { rulesFor } from './aggregation/type-rules';
import { notifyEmergency } from './notifications';

const ALERT_TYPES = ['BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC'] as const;
const ALERT_LOOKBACK_MS = 24 * 3600 * 1000; // older readings (imports, late syncs) do not page anyone

/**
 * The patient's readings of the last 24 hours that can raise an alert, deduplicated across devices as
 * in the aggregates. Read from the database each time, so a retried job still sees them.
 */
export async function recentAlertReadings(patientId: string, nowMs = Date.now()): Promise<AlertReading[]> {
  const client = await connectClient();
  try {
    const readings: AlertReading[] = [];
    for (const type of ALERT_TYPES) {
      const samples = await loadSamples(client, { userId: patientId, type, fromMs: nowMs - ALERT_LOOKBACK_MS, toMs: nowMs + 60_000 });
      for (const c of dedupSamples(samples, rulesFor(type))) {
        if (c.startMs >= nowMs - ALERT_LOOKBACK_MS) readings.push({ type, atMs: c.startMs, value: c.sample.value });
      }
    }
    return readings;
  } finally {
    client.release();
  }
}

const UNRESOLVED = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED'] as const;
const ALERT_KINDS: readonly EmergencyKind[] = ['GLUCOSE_LOW', 'GLUCOSE_HIGH', 'BLOOD_PRESSURE_CRISIS'];

const MESSAGES: Record<EmergencyKind, (d: Record<string, number>) => { title: string; body: string }> = {
  GLUCOSE_LOW: (d) => ({ title: 'Very low glucose', body: `A glucose reading of ${Math.round(d.mgdl ?? 0)} mg/dL was recorded.` }),
  GLUCOSE_HIGH: (d) => ({ title: 'Very high glucose', body: `A glucose reading of ${Math.round(d.mgdl ?? 0)} mg/dL was recorded.` }),
  BLOOD_PRESSURE_CRISIS: (d) => ({
    title: 'Blood pressure in the crisis range',
    // A crisis may be seen on one number alone when its partner reading is missing.
    body:
      d.systolic !== undefined && d.diastolic !== undefined
        ? `A reading of ${Math.round(d.systolic)}/${Math.round(d.diastolic)} mmHg was recorded.`
        : d.systolic !== undefined
          ? `A systolic reading of ${Math.round(d.systolic)} mmHg was recorded.`
          : `A diastolic reading of ${Math.round(d.diastolic ?? 0)} mmHg was recorded.`,
  }),
};

export async function alertThresholdsFor(patientId: string) {
  const row = await prisma.alertThresholds.findUnique({ where: { patientId } });
  return row
    ? { glucoseLowMgDl: row.glucoseLowMgDl, glucoseHighMgDl: row.glucoseHighMgDl, systolicHigh: row.systolicHigh, diastolicHigh: row.diastolicHigh }
    : DEFAULT_ALERT_THRESHOLDS;
}

/** Opens an emergency event (and notifies) for each alert the readings raise; returns how many opened. */
export async function raiseAlerts(patientId: string, readings: AlertReading[]): Promise<number> {
  if (readings.length === 0) return 0;
  const thresholds = await alertThresholdsFor(patientId);
  let opened = 0;
  for (const kind of ALERT_KINDS) {
    const latest = await prisma.emergencyEvent.findFirst({ where: { patientId, kind }, orderBy: { detectedAt: 'desc' } });
    if (latest && latest.status !== 'RESOLVED') continue;
    // Every recompute of a day passes that day's recent readings again: once an episode is resolved,
    // only readings taken after the resolution may open a new one (else any sync would reopen it).
    const after = latest?.resolvedAt?.getTime() ?? -Infinity;
    const finding = findAlerts(readings.filter((r) => r.atMs > after), thresholds).find((f) => f.kind === kind);
    if (!finding) continue;
    const event = await prisma.emergencyEvent.create({
      data: { patientId, kind: finding.kind, details: { ...finding.details, atMs: finding.atMs }, detectedAt: new Date() },
    });
    await notifyEmergency({ patientId, emergencyEventId: event.id, message: { kind: `emergency.${finding.kind}`, ...MESSAGES[finding.kind](finding.details) } });
    opened += 1;
  }
  return opened;
}

/** Events the caller may act on: their own, or of patients whose alerts they receive (doctors always). */
async function visibleTo(caller: Caller): Promise<{ patientId: string | { in: string[] } }> {
  if (caller.role === 'PATIENT') return { patientId: caller.id };
  if (caller.role === 'DOCTOR' || caller.role === 'CAREGIVER') {
    // emergency_events has no relation to users in the schema, so the patients are looked up first.
    const links = await prisma.careRelationship.findMany({
      where: { carerId: caller.id, kind: caller.role, revokedAt: null, ...(caller.role === 'CAREGIVER' ? { canReceiveAlerts: true } : {}) },
      select: { patientId: true },
    });
    return { patientId: { in: links.map((l) => l.patientId) } };
  }
  return { patientId: { in: [] } };
}

export async function listEmergencies(caller: Caller, opts: { includeResolved?: boolean } = {}) {
  return prisma.emergencyEvent.findMany({
    where: { ...(await visibleTo(caller)), ...(opts.includeResolved ? {} : { status: { in: [...UNRESOLVED] } }) },
    orderBy: { detectedAt: 'desc' },
    take: 100,
  });
}

export type EmergencyAction = 'acknowledge' | 'escalate' | 'resolve';

export async function actOnEmergency(caller: Caller, id: string, action: EmergencyAction) {
  const event = await prisma.emergencyEvent.findFirst({ where: { id, ...(await visibleTo(caller)) } });
  if (!event) throw notFound('emergency event');
  const now = new Date();
  if (event.status === 'RESOLVED') return event;
  if (action === 'resolve') {
    return prisma.emergencyEvent.update({ where: { id }, data: { status: 'RESOLVED', resolvedAt: now, resolvedById: caller.id } });
  }
  if (action === 'acknowledge') {
    return prisma.emergencyEvent.update({
      where: { id },
      data: { status: event.status === 'ESCALATED' ? 'ESCALATED' : 'ACKNOWLEDGED', acknowledgedAt: now, acknowledgedById: caller.id },
    });
  }
  if (event.status === 'ESCALATED') return event; // escalating twice does not page everyone twice
  const updated = await prisma.emergencyEvent.update({ where: { id }, data: { status: 'ESCALATED', escalatedAt: now } });
  // Escalation reaches every doctor at once, whatever their digest preference.
  const message = MESSAGES[event.kind](event.details as Record<string, number>);
  await notifyEmergency({ patientId: event.patientId, emergencyEventId: id, message: { kind: `emergency.${event.kind}.escalated`, title: `Escalated: ${message.title}`, body: message.body }, forceImmediate: true });
  return updated;
}
