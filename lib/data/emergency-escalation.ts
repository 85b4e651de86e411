// The steps of an emergency's escalation (run by the `emergency-escalation` workflow, lib/jobs/
// emergency-escalation.ts, at the patient's timings): tell everyone again and add doctors as the level
// rises, ask for a re-check reading after a low, and tell everyone who acknowledged. Each step reads the
// episode under the patient's emergency lock and does nothing once it no longer applies (acknowledged,
// resolved, already at that level, already reminded), so a replayed or late step never pages twice.
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import type { EmergencyEvent, Prisma } from '../generated/prisma/client';
import type { EmergencyKind } from '../generated/prisma/enums';
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { lockPatientEmergencies } from './emergency-episodes';
import { emergencyMessage } from './emergency-messages';
import { missedMedicationName } from './medication-alerts';
import { notifyEmergency } from './notifications';
import { maybeDisplayName } from './profile-fields';

export const DEFAULT_ESCALATION = { escalateAfterMinutes: 15, escalateAgainAfterMinutes: 30, recheckAfterMinutes: 15 } as const;
const RECHECK_KIND = 'emergency.GLUCOSE_LOW.recheck';

export type EscalationPlan = { kind: EmergencyKind; openedAt: string; escalateAfterMinutes: number; escalateAgainAfterMinutes: number; recheckAfterMinutes: number };

/** When the steps are due: minutes after the alert opened, the patient's settings (else the defaults). */
export async function escalationPlan(emergencyEventId: string): Promise<EscalationPlan | null> {
  const event = await prisma.emergencyEvent.findUnique({ where: { id: emergencyEventId }, select: { kind: true, detectedAt: true, patientId: true } });
  if (!event) return null;
  const prefs = await prisma.userPreferences.findUnique({
    where: { userId: event.patientId },
    select: { escalateAfterMinutes: true, escalateAgainAfterMinutes: true, recheckAfterMinutes: true },
  });
  return { kind: event.kind, openedAt: event.detectedAt.toISOString(), ...(prefs ?? DEFAULT_ESCALATION) };
}

/**
 * Unsettled episodes opened in the last two hours: the sweep starts their escalation again, in case the
 * event that starts it was lost (a crash after the aggregate committed). Starting one twice is harmless:
 * one run per episode (the workflow's idempotency key).
 */
export async function recentUnsettledEmergencies(now = new Date()): Promise<{ patientId: string; emergencyEventId: string }[]> {
  const rows = await prisma.emergencyEvent.findMany({
    where: { status: { not: 'RESOLVED' }, acknowledgedAt: null, detectedAt: { gt: new Date(now.getTime() - 2 * 3600_000) } },
    select: { id: true, patientId: true },
    take: 1000,
  });
  return rows.map((r) => ({ patientId: r.patientId, emergencyEventId: r.id }));
}

export async function isSettled(emergencyEventId: string): Promise<{ acknowledged: boolean; resolved: boolean }> {
  const event = await prisma.emergencyEvent.findUnique({ where: { id: emergencyEventId }, select: { acknowledgedAt: true, status: true } });
  return { acknowledged: event?.acknowledgedAt != null, resolved: !event || event.status === 'RESOLVED' };
}

/** Runs `fn` on the event under its patient's emergency lock; null when there is no such event. */
async function withLockedEvent<T>(id: string, fn: (tx: Prisma.TransactionClient, event: EmergencyEvent) => Promise<T>): Promise<T | null> {
  const first = await prisma.emergencyEvent.findUnique({ where: { id }, select: { patientId: true } });
  if (!first) return null;
  return prisma.$transaction(async (tx) => {
    await lockPatientEmergencies(tx, first.patientId);
    const event = await tx.emergencyEvent.findUniqueOrThrow({ where: { id } });
    return fn(tx, event);
  });
}

/**
 * Raises the episode to `level` and tells everyone at that level again (level 1 adds the doctors who
 * chose immediate delivery, level 2 those who chose the daily digest; never those who chose none).
 * `force`: a person asked for it (the escalate action), which an acknowledgement does not stop.
 */
export async function escalateEmergency(emergencyEventId: string, level: 1 | 2, opts: { force?: boolean; now?: Date } = {}): Promise<{ escalated: boolean }> {
  const result = await withLockedEvent(emergencyEventId, async (tx, event) => {
    if (event.status === 'RESOLVED' || event.escalationLevel >= level || (event.acknowledgedAt && !opts.force)) return false;
    await tx.emergencyEvent.update({ where: { id: event.id }, data: { escalationLevel: level, status: 'ESCALATED', escalatedAt: opts.now ?? new Date() } });
    const reading = event.details as Record<string, number>;
    const medication = event.kind === 'MISSED_MEDICATION' ? await missedMedicationName(event.medicationId) : null;
    await notifyEmergency({
      db: tx, patientId: event.patientId, emergencyEventId: event.id, level,
      message: (units, locale) => emergencyMessage({ kind: event.kind, reason: 'ESCALATED', reading, units, medication, locale }),
    });
    return true;
  });
  return { escalated: result ?? false };
}

/** After a low, once: asks the patient (and those told so far) for a re-check reading, unless it is already back in range. */
export async function remindRecheck(emergencyEventId: string): Promise<{ reminded: boolean }> {
  const result = await withLockedEvent(emergencyEventId, async (tx, event) => {
    if (event.kind !== 'GLUCOSE_LOW' || event.status === 'RESOLVED') return false;
    if (await tx.notification.count({ where: { emergencyEventId: event.id, kind: RECHECK_KIND } })) return false;
    await notifyEmergency({
      db: tx, patientId: event.patientId, emergencyEventId: event.id, level: event.escalationLevel,
      message: (_units, locale) => {
        const t = translator(locale, 'emergencies');
        return { kind: RECHECK_KIND, title: t('message.recheckTitle'), body: t('message.recheckBody') };
      },
    });
    return true;
  });
  return { reminded: result ?? false };
}

/** The name people on the care team know the acknowledger by, in each reader's language when it is a role. */
async function actorName(caller: Caller, patientId: string): Promise<(locale: Locale) => string> {
  const role = (locale: Locale, who: 'patient' | 'doctor' | 'caregiver') => translator(locale, 'emergencies')(`message.actor.${who}`);
  if (caller.id === patientId) return (locale) => role(locale, 'patient');
  const profile = await prisma.profile.findUnique({ where: { userId: caller.id }, select: { displayName: true } });
  const name = await maybeDisplayName(caller.id, profile?.displayName ?? null);
  return (locale) => name || role(locale, caller.role === 'DOCTOR' ? 'doctor' : 'caregiver');
}

/**
 * The first acknowledgement of an episode, with everyone told so far (but the acknowledger) told who
 * acknowledged, in one transaction; false when it was already acknowledged or resolved.
 */
export async function acknowledgeEmergency(caller: Caller, emergencyEventId: string, now = new Date()): Promise<boolean> {
  const first = await prisma.emergencyEvent.findUnique({ where: { id: emergencyEventId }, select: { patientId: true } });
  const name = first ? await actorName(caller, first.patientId) : () => '';
  const result = await withLockedEvent(emergencyEventId, async (tx, event) => {
    if (event.status === 'RESOLVED' || event.acknowledgedAt) return false;
    await tx.emergencyEvent.update({
      where: { id: event.id },
      data: { status: event.status === 'ESCALATED' ? 'ESCALATED' : 'ACKNOWLEDGED', acknowledgedAt: now, acknowledgedById: caller.id },
    });
    await notifyEmergency({
      db: tx, patientId: event.patientId, emergencyEventId: event.id, level: event.escalationLevel, skip: caller.id,
      message: (_units, locale) => {
        const t = translator(locale, 'emergencies');
        return { kind: `emergency.${event.kind}.acknowledged`, title: t('message.acknowledgedTitle'), body: t('message.acknowledgedBody', { name: name(locale) }) };
      },
    });
    return true;
  });
  return result ?? false;
}
