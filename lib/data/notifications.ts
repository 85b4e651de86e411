// Notifications: one table, status draft → scheduled → sent → read. Emergencies reach the patient,
// caregivers with alert permission and every linked doctor (at once, or in that doctor's daily digest
// for this patient); other notifications are capped per patient per day so alerts keep their weight.
import { prisma } from '../db/client';
import { addDays, localDate, parseDay, zoneClock } from '../time';
import { newNotificationTexts, withNotificationTexts } from './notification-fields';

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

export async function notifyEmergency(args: { patientId: string; emergencyEventId: string; message: Message; forceImmediate?: boolean }) {
  const now = new Date();
  const links = await prisma.careRelationship.findMany({
    where: { patientId: args.patientId, revokedAt: null, OR: [{ kind: 'DOCTOR' }, { kind: 'CAREGIVER', canReceiveAlerts: true }] },
    select: { carerId: true, kind: true, alertDelivery: true, carer: { select: { profile: { select: { timeZone: true } } } } },
  });
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
  await prisma.notification.createMany({
    data: await Promise.all(recipients.map(async (r) => ({
      ...(await newNotificationTexts(args.patientId, args.message)),
      recipientId: r.recipientId,
      patientId: args.patientId,
      kind: args.message.kind,
      isEmergency: true,
      status: r.scheduledFor ? ('SCHEDULED' as const) : ('SENT' as const),
      scheduledFor: r.scheduledFor,
      sentAt: r.scheduledFor ? null : now,
      emergencyEventId: args.emergencyEventId,
    }))),
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

export async function listNotifications(recipientId: string, limit = 50) {
  const rows = await prisma.notification.findMany({
    where: { recipientId, status: { in: ['SENT', 'READ'] } },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, kind: true, isEmergency: true, status: true, title: true, body: true, patientId: true, emergencyEventId: true, insightId: true, sentAt: true, readAt: true },
  });
  return Promise.all(rows.map((n) => withNotificationTexts(recipientId, n)));
}

/** False when the caller has no such delivered notification; marking one already read again is fine (retries). */
export async function markNotificationRead(recipientId: string, id: string): Promise<boolean> {
  const { count } = await prisma.notification.updateMany({ where: { id, recipientId, status: 'SENT' }, data: { status: 'READ', readAt: new Date() } });
  return count > 0 || (await prisma.notification.count({ where: { id, recipientId, status: 'READ' } })) > 0;
}
