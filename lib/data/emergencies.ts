// Emergency events: opened by the pipeline when a recent reading crosses the patient's thresholds (set
// by their doctor, else the defaults), at most one unresolved event per kind; acknowledged, escalated
// and resolved by the patient or the people allowed to receive their alerts.
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import type { EmergencyKind } from '../generated/prisma/enums';
import { notFound } from '../http/errors';
import { DEFAULT_ALERT_THRESHOLDS, findAlerts, type AlertReading } from '../pipeline/insights';
import { notifyEmergency } from './notifications';

const UNRESOLVED = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED'] as const;

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
  const findings = findAlerts(readings, await alertThresholdsFor(patientId));
  let opened = 0;
  for (const finding of findings) {
    const existing = await prisma.emergencyEvent.findFirst({ where: { patientId, kind: finding.kind, status: { in: [...UNRESOLVED] } } });
    if (existing) continue;
    const event = await prisma.emergencyEvent.create({
      data: { patientId, kind: finding.kind, details: { ...finding.details, atMs: finding.atMs }, detectedAt: new Date() },
    });
    await notifyEmergency({ patientId, emergencyEventId: event.id, message: { kind: `emergency.${finding.kind}`, ...MESSAGES[finding.kind](finding.details) } });
    opened += 1;
  }
  return opened;
}

/** Events the caller may act on: their own, or of patients whose alerts they receive (doctors always). */
function visibleTo(caller: Caller) {
  if (caller.role === 'PATIENT') return { patientId: caller.id };
  if (caller.role === 'DOCTOR' || caller.role === 'CAREGIVER') {
    return {
      patient: {
        patientOf: {
          some: { carerId: caller.id, kind: caller.role, revokedAt: null, ...(caller.role === 'CAREGIVER' ? { canReceiveAlerts: true } : {}) },
        },
      },
    };
  }
  return { id: '00000000-0000-0000-0000-000000000000' };
}

export function listEmergencies(caller: Caller, opts: { includeResolved?: boolean } = {}) {
  return prisma.emergencyEvent.findMany({
    where: { ...visibleTo(caller), ...(opts.includeResolved ? {} : { status: { in: [...UNRESOLVED] } }) },
    orderBy: { detectedAt: 'desc' },
    take: 100,
  });
}

export type EmergencyAction = 'acknowledge' | 'escalate' | 'resolve';

export async function actOnEmergency(caller: Caller, id: string, action: EmergencyAction) {
  const event = await prisma.emergencyEvent.findFirst({ where: { id, ...visibleTo(caller) } });
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
  const updated = await prisma.emergencyEvent.update({ where: { id }, data: { status: 'ESCALATED', escalatedAt: now } });
  // Escalation reaches every doctor at once, whatever their digest preference.
  const message = MESSAGES[event.kind](event.details as Record<string, number>);
  await notifyEmergency({ patientId: event.patientId, emergencyEventId: id, message: { kind: `emergency.${event.kind}.escalated`, title: `Escalated: ${message.title}`, body: message.body }, forceImmediate: true });
  return updated;
}
