// Notifications: one table, status draft → scheduled → sent → read. Emergencies reach the patient,
// caregivers with alert permission and every linked doctor (at once, or in that doctor's daily digest
// for this patient); other notifications are capped per patient per day so alerts keep their weight.
import { prisma } from '../db/client';
import { DEFAULT_UNITS, type UnitPreferences } from '../format/health';
import type { Prisma } from '../generated/prisma/client';
import { addDays, localDate, parseDay, zoneClock } from '../time';
import { newNotificationTexts } from './notification-fields';

export const NON_EMERGENCY_DAILY_CAP = 5;
const DIGEST_HOUR = 8; // local time of the doctor's daily digest

type Message = { kind: string; title: string; body: string };

/** The next digest time (08:00 in the doctor's zone) after `now`. */
export function nextDigestAt(now: Date, timeZone: string): Date {
  const today = localDate(now.getTime(), timeZone);
  // The start of the local 08:00 hour, not midnight + 8 h: on a DST change day those differ by an hour.
  const digestOn = (day: string) => zoneClock(timeZone).hourStart(parseDay(day) * 24 + DIGEST_HOUR);
  for (const day of [today, addDays(today, 1)]) {
    const at = digestOn(day);
    if (at > now.getTime()) return new Date(at);
  }
  return new Date(digestOn(addDays(today, 2)));
}

type Db = Pick<Prisma.TransactionClient, 'careRelationship' | 'notification' | 'userPreferences'>;
type EmergencyMessage = Message | ((units: UnitPreferences) => Message);

/**
 * Who receives a patient's emergencies: every linked doctor and the caregivers allowed to receive
 * alerts, while the link is active, the carer's account enabled and their role the link's (as
 * lib/data/care-team.ts shows them), so what the patient is told about who was notified is true.
 */
export function alertRecipientLinks(db: Db, patientId: string) {
  return db.careRelationship.findMany({
    where: {
      patientId,
      revokedAt: null,
      OR: [
        { kind: 'DOCTOR', carer: { role: 'DOCTOR', disabledAt: null } },
        { kind: 'CAREGIVER', canReceiveAlerts: true, carer: { role: 'CAREGIVER', disabledAt: null } },
      ],
    },
    select: { carerId: true, kind: true, alertDelivery: true, carer: { select: { profile: { select: { timeZone: true } } } } },
  });
}

/**
 * Emergency notifications to the patient and everyone who receives their alerts. `message` may be built
 * per reader (their glucose unit); `db` lets the caller write them in the transaction that caused them.
 */
export async function notifyEmergency(args: { patientId: string; emergencyEventId: string; message: EmergencyMessage; forceImmediate?: boolean; db?: Db }) {
  const db = args.db ?? prisma;
  const now = new Date();
  const links = await alertRecipientLinks(db, args.patientId);
  const recipients = [
    { recipientId: args.patientId, scheduledFor: null as Date | null },
    ...links.map((l) => ({
      recipientId: l.carerId,
      scheduledFor:
        l.kind === 'DOCTOR' && l.alertDelivery === 'DAILY_DIGEST' && !args.forceImmediate
          ? nextDigestAt(now, l.carer.profile?.timeZone ?? 'UTC')
          : null,
    })),
  ];
  const prefs = await db.userPreferences.findMany({
    where: { userId: { in: recipients.map((r) => r.recipientId) } },
    select: { userId: true, glucoseUnit: true, weightUnit: true, distanceUnit: true, temperatureUnit: true },
  });
  const unitsOf = (id: string): UnitPreferences => prefs.find((p) => p.userId === id) ?? DEFAULT_UNITS;
  await db.notification.createMany({
    data: await Promise.all(recipients.map(async (r) => {
      const message = typeof args.message === 'function' ? args.message(unitsOf(r.recipientId)) : args.message;
      return {
        ...(await newNotificationTexts(args.patientId, message)),
        recipientId: r.recipientId,
        patientId: args.patientId,
        kind: message.kind,
        isEmergency: true,
        status: r.scheduledFor ? ('SCHEDULED' as const) : ('SENT' as const),
        scheduledFor: r.scheduledFor,
        sentAt: r.scheduledFor ? null : now,
        emergencyEventId: args.emergencyEventId,
      };
    })),
  });
  return recipients.length;
}

/** A non-emergency notification to the patient; false when the day's cap is reached (nothing stored). */
export async function notifyPatient(args: { patientId: string; insightId?: string; message: Message }): Promise<boolean> {
  const texts = await newNotificationTexts(args.patientId, args.message);
  return prisma.$transaction(async (tx) => {
    // Serialize per patient so two concurrent senders cannot both pass the cap.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`notify:${args.patientId}`}, 0))`;
    const sentToday = await tx.notification.count({
      where: { patientId: args.patientId, isEmergency: false, createdAt: { gt: new Date(Date.now() - 24 * 3600_000) } },
    });
    if (sentToday >= NON_EMERGENCY_DAILY_CAP) return false;
    await tx.notification.create({
      data: {
        ...texts,
        recipientId: args.patientId,
        patientId: args.patientId,
        kind: args.message.kind,
        status: 'SENT',
        sentAt: new Date(),
        insightId: args.insightId ?? null,
      },
    });
    return true;
  });
}

/** Delivers digests that are due (the digest cron). */
export async function sendDueDigests(now = new Date()): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: { status: 'SCHEDULED', scheduledFor: { lte: now } },
    data: { status: 'SENT', sentAt: now },
  });
  return count;
}

// The reader's side (list, count, mark read) lives in ./notification-center.ts.
export { listNotifications, markNotificationRead } from './notification-center';
