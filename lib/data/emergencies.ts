// Emergency events: episodes opened by the pipeline when a recent reading crosses the patient's
// thresholds (set by their doctor, else the defaults), at most one unresolved episode per kind, recording
// worse readings, late readings and recoveries (./emergency-episodes.ts); acknowledged, escalated and
// resolved by the patient or the people allowed to receive their alerts.
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import { notFound } from '../http/errors';
import { lockPatientEmergencies } from './emergency-episodes';
import { acknowledgeEmergency, escalateEmergency } from './emergency-escalation';
import { findEmergencyHistories } from './emergency-views';
import { alertRecipientLinks, NOTIFICATION_DELIVERY_EVENTS } from './notifications';
import type { PipelineEvent } from '../jobs/events';

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
  if (action === 'acknowledge') await acknowledgeEmergency(caller, id);
  // A person escalating reaches every doctor at once (but those who chose none), whatever their delivery.
  else await escalateEmergency(id, 2, { force: true });
  return prisma.emergencyEvent.findUniqueOrThrow({ where: { id } });
}

/** What a route dispatches after an action: the escalation workflow hears of it, the channels deliver. */
export function eventsAfterAction(event: { id: string; patientId: string }, action: EmergencyAction): PipelineEvent[] {
  return [
    ...(action === 'escalate' ? [] : [{ key: 'emergencyAcknowledged' as const, data: { patientId: event.patientId, emergencyEventId: event.id } }]),
    ...NOTIFICATION_DELIVERY_EVENTS,
  ];
}
