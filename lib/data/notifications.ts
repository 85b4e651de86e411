// Notifications: one table for every notification, and the channels that carry them out of the app.
// createNotifications is the one way a notification is made: in the transaction of what caused it, it
// stores the row (in-app, always), picks the recipient's channels for its category (lib/notify/
// preferences.ts), and queues the e-mail (mail_messages) and the pushes (push_deliveries) that deliver it,
// after the recipient's quiet hours unless it is an emergency. Outside the app a message says only what
// lib/notify/outside-text.ts allows. The cap of NON_EMERGENCY_DAILY_CAP non-emergency notifications per
// recipient per rolling day holds for the notification, whichever channels carry it (digests aside).
// Emergencies reach the patient and the caregivers allowed to receive alerts at once; the doctors join
// as the escalation (lib/data/emergency-escalation.ts) raises the episode's level. The reader's side
// (list, unread count, mark read) is ./notification-center.ts.
import { prisma } from '../db/client';
import { DEFAULT_UNITS, type UnitPreferences } from '../format/health';
import type { Prisma } from '../generated/prisma/client';
import type { AlertDelivery, NotificationChannel } from '../generated/prisma/enums';
import type { PipelineEvent } from '../jobs/events';
import { enqueueMail } from '../mail/enqueue';
import { messageOutsideApp } from '../notify/outside-text';
import { isLocale, type Locale } from '../i18n/locales';
import { categoryOf, effectiveChannels, releaseTime } from '../notify/preferences';
import { addDays, localDate, parseDay, zoneClock } from '../time';
import { newNotificationTexts } from './notification-fields';
import { decryptEmail } from './user-email';

export const NON_EMERGENCY_DAILY_CAP = 5;
const DIGEST_HOUR = 8; // local time of the daily digests

/** What a route or job dispatches after committing notifications: the channels' delivery jobs. */
export const NOTIFICATION_DELIVERY_EVENTS = [
  { key: 'mailRequested', data: {} },
  { key: 'pushRequested', data: {} },
] as const satisfies PipelineEvent[];

type Message = { kind: string; title: string; body: string };
type Texts = { title: string; body: string };

/** The next digest time (08:00 in the person's zone) after `now`. */
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

/**
 * A notification to store. Its title and body are text, written in the recipient's language: given as
 * they are, or as `texts(locale)`, which createNotifications calls with the recipient's language (each
 * recipient of one event reads their own: a doctor in English, a patient in Tamil).
 */
export type NewNotification = {
  recipientId: string;
  patientId?: string | null;
  kind: string;
  isEmergency: boolean;
  emergencyEventId?: string | null;
  insightId?: string | null;
} & (Texts | { texts: (locale: Locale) => Texts });

type Tx = Prisma.TransactionClient;

/**
 * Stores the notifications and queues their delivery, with the caller's transaction (`db`), so they
 * exist exactly when what caused them commits; returns the ids stored (a capped one is left out). After
 * the commit, dispatch NOTIFICATION_DELIVERY_EVENTS. Disabled accounts get nothing.
 */
export async function createNotifications(db: Tx, items: readonly NewNotification[], now = new Date()): Promise<string[]> {
  if (items.length === 0) return [];
  const recipientIds = [...new Set(items.map((i) => i.recipientId))];
  const people = await db.user.findMany({
    where: { id: { in: recipientIds }, disabledAt: null },
    select: {
      id: true, emailCiphertext: true, emailVerifiedAt: true,
      profile: { select: { timeZone: true } },
      preferences: { select: { notificationChannels: true, quietHoursStart: true, quietHoursEnd: true, valuesInMessages: true, language: true } },
      pushSubscriptions: { select: { id: true } },
    },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const created: string[] = [];
  for (const item of items) {
    const person = byId.get(item.recipientId);
    if (!person) continue;
    if (!item.isEmergency && categoryOf(item.kind) !== 'digest' && !(await underCap(db, item.recipientId, now))) continue;
    const prefs = person.preferences;
    const wanted = effectiveChannels(prefs?.notificationChannels)[categoryOf(item.kind)];
    // A channel the person has: a verified address (an unverified one may be someone else's), a subscribed browser.
    const channels = wanted.filter((c) => (c === 'EMAIL' ? person.emailVerifiedAt !== null : person.pushSubscriptions.length > 0));
    const quiet = prefs?.quietHoursStart != null && prefs.quietHoursEnd != null ? { start: prefs.quietHoursStart, end: prefs.quietHoursEnd } : null;
    const release = new Date(item.isEmergency ? now.getTime() : releaseTime(now.getTime(), quiet, person.profile?.timeZone ?? 'UTC'));
    const locale: Locale = isLocale(prefs?.language) ? prefs.language : 'en';
    const texts = await newNotificationTexts(item.patientId ?? item.recipientId, 'texts' in item ? item.texts(locale) : item);
    const row = await db.notification.create({
      data: {
        ...texts,
        recipientId: item.recipientId,
        patientId: item.patientId ?? null,
        kind: item.kind,
        isEmergency: item.isEmergency,
        status: 'SENT',
        sentAt: now,
        createdAt: now,
        emergencyEventId: item.emergencyEventId ?? null,
        insightId: item.insightId ?? null,
        channels: channels as NotificationChannel[],
      },
      select: { id: true, kind: true, isEmergency: true, recipientId: true, patientId: true, title: true, body: true },
    });
    created.push(row.id);
    if (channels.includes('EMAIL')) {
      const outside = await messageOutsideApp(row, { valuesInMessages: prefs?.valuesInMessages ?? false, locale });
      await enqueueMail(db, {
        to: await decryptEmail(person.id, person.emailCiphertext),
        template: item.isEmergency ? 'alert' : 'notification',
        data: { title: outside.title, body: outside.body, path: outside.path },
        userId: person.id,
        optional: !item.isEmergency,
        sendAt: release,
        notificationId: row.id,
      });
    }
    if (channels.includes('PUSH')) {
      await db.pushDelivery.createMany({
        data: person.pushSubscriptions.map((s) => ({ notificationId: row.id, subscriptionId: s.id, recipientId: person.id, nextAttemptAt: release })),
      });
    }
  }
  return created;
}

/** Whether the recipient may get one more non-emergency notification; serialized per recipient until the transaction ends. */
async function underCap(db: Tx, recipientId: string, now: Date): Promise<boolean> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`notify:${recipientId}`}, 0))`;
  const lastDay = await db.notification.count({
    where: { recipientId, isEmergency: false, NOT: { kind: { startsWith: 'digest.' } }, createdAt: { gt: new Date(now.getTime() - 24 * 3600_000) } },
  });
  return lastDay < NON_EMERGENCY_DAILY_CAP;
}

/** Who is told at each escalation level: 0 the caregivers, 1 also immediate doctors, 2 also digest doctors. */
const DOCTORS_AT_LEVEL: readonly (readonly AlertDelivery[])[] = [[], ['IMMEDIATE'], ['IMMEDIATE', 'DAILY_DIGEST']];

/**
 * Everyone who may receive a patient's emergencies: caregivers allowed to receive alerts and doctors
 * who did not choose "none", while the link is active, the carer's account enabled and their role the
 * link's (as lib/data/care-team.ts shows them). `level` narrows the doctors to those told at that level.
 */
export function alertRecipientLinks(db: Pick<Tx, 'careRelationship'>, patientId: string, level = 2) {
  return db.careRelationship.findMany({
    where: {
      patientId,
      revokedAt: null,
      OR: [
        { kind: 'DOCTOR', alertDelivery: { in: [...DOCTORS_AT_LEVEL[level]!] }, carer: { role: 'DOCTOR', disabledAt: null } },
        { kind: 'CAREGIVER', canReceiveAlerts: true, carer: { role: 'CAREGIVER', disabledAt: null } },
      ],
    },
    select: { carerId: true, kind: true, alertDelivery: true, carer: { select: { profile: { select: { timeZone: true } } } } },
  });
}

type EmergencyMessage = (units: UnitPreferences, locale: Locale) => Message;

/**
 * Emergency notifications to the patient and everyone told at the episode's escalation `level`, except
 * `skip` (whoever acted). `message` is built per reader: their glucose unit and their language. Written
 * with `db`, the transaction that caused them.
 */
export async function notifyEmergency(args: { patientId: string; emergencyEventId: string; message: EmergencyMessage; level: number; skip?: string; db?: Tx }) {
  const run = (db: Tx) => notifyEmergencyIn(db, args);
  return args.db ? run(args.db) : prisma.$transaction(run);
}

async function notifyEmergencyIn(db: Tx, args: { patientId: string; emergencyEventId: string; message: EmergencyMessage; level: number; skip?: string }) {
  const links = await alertRecipientLinks(db, args.patientId, Math.max(0, Math.min(2, args.level)));
  const recipients = [args.patientId, ...links.map((l) => l.carerId)].filter((id) => id !== args.skip);
  const prefs = await db.userPreferences.findMany({
    where: { userId: { in: recipients } },
    select: { userId: true, glucoseUnit: true, weightUnit: true, distanceUnit: true, temperatureUnit: true },
  });
  const unitsOf = (id: string): UnitPreferences => prefs.find((p) => p.userId === id) ?? DEFAULT_UNITS;
  const ids = await createNotifications(
    db,
    recipients.map((recipientId) => ({
      // The kind does not depend on the reader: English asks for it once.
      kind: args.message(unitsOf(recipientId), 'en').kind,
      texts: (locale: Locale) => args.message(unitsOf(recipientId), locale),
      recipientId, patientId: args.patientId, isEmergency: true, emergencyEventId: args.emergencyEventId,
    })),
  );
  return ids.length;
}

/** A non-emergency notification to the patient (its texts in their language); false when the day's cap is reached (nothing stored). */
export async function notifyPatient(args: { patientId: string; insightId?: string; message: Message }): Promise<boolean> {
  const ids = await prisma.$transaction((tx) =>
    createNotifications(tx, [{ ...args.message, recipientId: args.patientId, patientId: args.patientId, isEmergency: false, insightId: args.insightId ?? null }]),
  );
  return ids.length > 0;
}
