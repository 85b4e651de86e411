// Emergency events: episodes opened by the pipeline when a recent reading crosses the patient's
// thresholds (set by their doctor, else the defaults), at most one unresolved episode per kind, recording
// worse readings, late readings and recoveries (./emergency-episodes.ts); acknowledged, escalated and
// resolved by the patient or the people allowed to receive their alerts.
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import { notFound } from '../http/errors';
import { lockPatientEmergencies } from './emergency-episodes';
import { emergencyMessage } from './emergency-messages';
import { findEmergencyHistories } from './emergency-views';
import { alertRecipientLinks, notifyEmergency } from './notifications';

export { alertThresholdsFor, raiseAlerts, recentAlertReadings } from './emergency-episodes';

const UNRESOLVED = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED'] as const;

/** Events the caller may act on: their own, or of patients whose alerts they receive (doctors always). */
async function visibleTo(caller: Caller): Promise<{ patientId: string | { in: string[] } }> {
  if (caller.role === 'PATIENT') return { patientId: caller.id };
  if (caller.role === 'DOCTOR' || caller.role === 'CAREGIVER') {
    // emergency_events has no relation to users in the schema, so the patients are looked up first.
    const links = await prisma.careRelationship.findMany({
      where: {
        carerId: caller.id,
        kind: caller.role,
        revokedAt: null,
        ...(caller.role === 'CAREGIVER' ? { canReceiveAlerts: true } : {}),
        patient: { disabledAt: null }, // a disabled account's data is nobody's to read (as in ./access.ts)
      },
      select: { patientId: true },
    });
    return { patientId: { in: links.map((l) => l.patientId) } };
  }
  return { patientId: { in: [] } };
}

/** The events with their history: start, worst reading (details), recorded readings, recovery, who was notified. */
export async function listEmergencies(caller: Caller, opts: { includeResolved?: boolean } = {}) {
  const events = await prisma.emergencyEvent.findMany({
    where: { ...(await visibleTo(caller)), ...(opts.includeResolved ? {} : { status: { in: [...UNRESOLVED] } }) },
    orderBy: { detectedAt: 'desc' },
    take: 100,
  });
  const histories = await findEmergencyHistories(events);
  return events.map((e) => ({ ...e, ...histories.get(e.id)! }));
}

/** How many of the patient's carers would receive an emergency now (the patient's empty alert list says so). */
export async function countAlertRecipients(patientId: string): Promise<{ doctors: number; caregivers: number }> {
  const links = await alertRecipientLinks(prisma, patientId);
  return { doctors: links.filter((l) => l.kind === 'DOCTOR').length, caregivers: links.filter((l) => l.kind === 'CAREGIVER').length };
}

export type EmergencyAction = 'acknowledge' | 'escalate' | 'resolve';

/** The event after the action, with its history (so the caller can say who was notified). */
export async function actOnEmergency(caller: Caller, id: string, action: EmergencyAction) {
  const event = await applyAction(caller, id, action);
  return { ...event, ...(await findEmergencyHistories([event])).get(event.id)! };
}

async function applyAction(caller: Caller, id: string, action: EmergencyAction) {
  const event = await prisma.emergencyEvent.findFirst({ where: { id, ...(await visibleTo(caller)) } });
  if (!event) throw notFound('emergency event');
  const now = new Date();
  if (event.status === 'RESOLVED') return event;
  if (action === 'resolve') {
    // Under the pipeline's per-patient lock (./emergency-episodes.ts): a pass either sees the episode
    // open or resolved, never decides on one state and writes into the other.
    return prisma.$transaction(async (tx) => {
      await lockPatientEmergencies(tx, event.patientId);
      const current = await tx.emergencyEvent.findUniqueOrThrow({ where: { id } });
      if (current.status === 'RESOLVED') return current;
      return tx.emergencyEvent.update({ where: { id }, data: { status: 'RESOLVED', resolvedAt: new Date(), resolvedById: caller.id } });
    });
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
  const reading = event.details as Record<string, number>;
  await notifyEmergency({
    patientId: event.patientId, emergencyEventId: id, forceImmediate: true,
    message: (units) => emergencyMessage({ kind: event.kind, reason: 'ESCALATED', reading, units }),
  });
  return updated;
}
