// The notification center: what the bell counts and /notifications lists, for every role. Only the
// reader's own delivered notifications (SENT or READ; a SCHEDULED one, such as a doctor's digest, has not
// reached them yet), newest delivered first, with where each leads for this reader and, for an emergency
// the reader may still act on, its current state (acknowledged, by whom). Marking read never touches
// anyone else's rows.
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import type { EmergencyStatus, Role } from '../generated/prisma/enums';
import { categoryOf, NOTIFICATION_CATEGORIES, type NotificationCategory } from '../notify/preferences';
import { withNotificationTexts } from './notification-fields';
import { searchableDisplayName } from './profile-fields';
import { searchableEmail } from './user-email';

const DELIVERED = ['SENT', 'READ'] as const;
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 50;

/** Where a page ends: the last item's delivery instant and id (ties broken by id). */
export type NotificationCursor = { atMs: number; id: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeNotificationCursor(c: NotificationCursor): string {
  return Buffer.from(JSON.stringify([c.atMs, c.id])).toString('base64url');
}

/** Null unless this module could have produced the cursor. */
export function decodeNotificationCursor(value: string): NotificationCursor | null {
  try {
    const [atMs, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (!Number.isSafeInteger(atMs) || Math.abs(atMs as number) > 8.64e15 || typeof id !== 'string' || !UUID.test(id)) return null;
    return { atMs: atMs as number, id };
  } catch {
    return null;
  }
}

export type NotificationQuery = { unread?: boolean; category?: NotificationCategory; before?: NotificationCursor; limit?: number };

export type EmergencyState = { status: EmergencyStatus; acknowledgedAt: string | null; acknowledgedByName: string | null };
export type CenterNotification = {
  id: string;
  kind: string;
  category: NotificationCategory;
  isEmergency: boolean;
  title: string;
  body: string;
  patientId: string | null;
  /** The patient's name when the notification is about someone other than the reader. */
  patientName: string | null;
  emergencyEventId: string | null;
  insightId: string | null;
  /** Where it leads for this reader; null when there is nowhere they may go (a care link that ended). */
  href: string | null;
  status: 'SENT' | 'READ';
  read: boolean;
  sentAt: string | null;
  readAt: string | null;
  /** Emergencies the reader may still act on: the episode as it is now. */
  emergency?: EmergencyState;
};
export type NotificationPage = { notifications: CenterNotification[]; unread: number; nextBefore: string | null };

// A category is the head of the kind (lib/notify/preferences.ts categoryOf); anything else reads as an insight.
const headIs = (c: string): Prisma.NotificationWhereInput => ({ OR: [{ kind: c }, { kind: { startsWith: `${c}.` } }] });
function categoryWhere(category: NotificationCategory): Prisma.NotificationWhereInput {
  if (category !== 'insight') return headIs(category);
  return { AND: NOTIFICATION_CATEGORIES.filter((c) => c !== 'insight').map((c) => ({ NOT: headIs(c) })) };
}

function ownDelivered(recipientId: string, q: Pick<NotificationQuery, 'unread' | 'category'> = {}): Prisma.NotificationWhereInput {
  return {
    recipientId,
    status: q.unread ? 'SENT' : { in: [...DELIVERED] },
    ...(q.category ? { AND: [categoryWhere(q.category)] } : {}),
  };
}

/** The reader's unread notifications, and how many of them are emergencies (the bell turns red). */
export async function countUnread(recipientId: string): Promise<{ unread: number; emergencies: number }> {
  const rows = await prisma.notification.groupBy({ by: ['isEmergency'], where: { recipientId, status: 'SENT' }, _count: { _all: true } });
  const of = (emergency: boolean) => rows.find((r) => r.isEmergency === emergency)?._count._all ?? 0;
  return { unread: of(true) + of(false), emergencies: of(true) };
}

/** A page of the reader's notifications, newest delivered first. */
export async function listNotificationPage(caller: Caller, q: NotificationQuery = {}): Promise<NotificationPage> {
  const limit = q.limit ?? DEFAULT_PAGE;
  const after = q.before
    ? { OR: [{ sentAt: { lt: new Date(q.before.atMs) } }, { sentAt: new Date(q.before.atMs), id: { lt: q.before.id } }] }
    : {};
  const [rows, { unread }] = await Promise.all([
    prisma.notification.findMany({
      where: { AND: [ownDelivered(caller.id, q), after] },
      orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: {
        id: true, kind: true, isEmergency: true, status: true, title: true, body: true, patientId: true,
        emergencyEventId: true, insightId: true, sentAt: true, readAt: true,
      },
    }),
    countUnread(caller.id),
  ]);
  const page = rows.slice(0, limit);
  const [texts, context] = await Promise.all([Promise.all(page.map((n) => withNotificationTexts(caller.id, n))), readerContext(caller, page)]);
  const notifications = texts.map((n): CenterNotification => {
    const category = categoryOf(n.kind);
    const about = n.patientId && n.patientId !== caller.id ? n.patientId : null;
    const event = n.emergencyEventId ? context.events.get(n.emergencyEventId) : undefined;
    return {
      id: n.id,
      kind: n.kind,
      category,
      isEmergency: n.isEmergency,
      title: n.title,
      body: n.body,
      patientId: n.patientId,
      patientName: about ? (context.names.get(about) ?? null) : null,
      emergencyEventId: n.emergencyEventId,
      insightId: n.insightId,
      href: hrefFor(caller.role, category, about, context.linked),
      status: n.status as 'SENT' | 'READ',
      read: n.status === 'READ',
      sentAt: n.sentAt?.toISOString() ?? null,
      readAt: n.readAt?.toISOString() ?? null,
      ...(event ? { emergency: event } : {}),
    };
  });
  const last = page.at(-1);
  const more = rows.length > limit && last?.sentAt;
  return { notifications, unread, nextBefore: more ? encodeNotificationCursor({ atMs: last.sentAt!.getTime(), id: last.id }) : null };
}

const PATIENT_PAGE: Record<NotificationCategory, string> = { emergency: '/dashboard', insight: '/dashboard', medication: '/medications', digest: '/dashboard' };

/** Where a notification leads this reader: their own page, or the patient's page while their care link lasts. */
function hrefFor(role: Role, category: NotificationCategory, about: string | null, linked: Set<string>): string | null {
  if (role === 'PATIENT') return PATIENT_PAGE[category];
  if (role !== 'DOCTOR' && role !== 'CAREGIVER') return null;
  const home = role === 'DOCTOR' ? '/doctor' : '/caregiver';
  if (category === 'digest' || !about) return home;
  if (!linked.has(about)) return null;
  // A dose reminder leads a caregiver to where they log the dose.
  return category === 'medication' && role === 'CAREGIVER' ? `${home}/patients/${about}/medications` : `${home}/patients/${about}`;
}

type ReaderContext = { linked: Set<string>; names: Map<string, string>; events: Map<string, EmergencyState> };

/**
 * What the page's rows need beyond themselves: the patients the reader is linked to now (their pages),
 * those patients' names, and the state of the emergencies the reader may still act on (as
 * lib/data/emergencies.ts decides: the patient, their doctors, caregivers allowed to receive alerts).
 */
async function readerContext(caller: Caller, rows: { patientId: string | null; emergencyEventId: string | null }[]): Promise<ReaderContext> {
  const carer = caller.role === 'DOCTOR' || caller.role === 'CAREGIVER' ? caller.role : null;
  const about = [...new Set(rows.flatMap((r) => (r.patientId && r.patientId !== caller.id ? [r.patientId] : [])))];
  const eventIds = [...new Set(rows.flatMap((r) => (r.emergencyEventId ? [r.emergencyEventId] : [])))];
  const links = carer && about.length > 0
    ? await prisma.careRelationship.findMany({
      where: { carerId: caller.id, kind: carer, revokedAt: null, patientId: { in: about }, patient: { disabledAt: null } },
      select: { patientId: true, canReceiveAlerts: true },
    })
    : [];
  const linked = new Set(links.map((l) => l.patientId));
  const alerted = new Set(links.filter((l) => carer === 'DOCTOR' || l.canReceiveAlerts).map((l) => l.patientId));
  const events = eventIds.length === 0 ? [] : await prisma.emergencyEvent.findMany({
    where: { id: { in: eventIds } },
    select: { id: true, patientId: true, status: true, acknowledgedAt: true, acknowledgedById: true },
  });
  const visible = events.filter((e) => (caller.role === 'PATIENT' ? e.patientId === caller.id : alerted.has(e.patientId)));
  const names = await findPersonNames([...about, ...visible.flatMap((e) => (e.acknowledgedById ? [e.acknowledgedById] : []))]);
  return {
    linked,
    names,
    events: new Map(visible.map((e) => [e.id, {
      status: e.status,
      acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
      acknowledgedByName: e.acknowledgedById ? (names.get(e.acknowledgedById) ?? null) : null,
    }])),
  };
}

/** Display names (else e-mail addresses), each decrypted with its owner's key; an unreadable one is left out. */
async function findPersonNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: unique } }, select: { id: true, emailCiphertext: true, profile: { select: { displayName: true } } } });
  const named = await Promise.all(users.map(async (u) => [u.id, (await searchableDisplayName(u.id, u.profile?.displayName ?? null)) || (await searchableEmail(u.id, u.emailCiphertext))] as const));
  return new Map(named.filter((n): n is readonly [string, string] => !!n[1]));
}

/** The reader's delivered notifications, newest first (the API's first shape, kept for its callers). */
export async function listNotifications(recipientId: string, limit = 50) {
  const rows = await prisma.notification.findMany({
    where: { recipientId, status: { in: [...DELIVERED] } },
    orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
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

/**
 * Marks the reader's unread notifications read: all, or those of one category, or (`through`) only those
 * delivered by then, so an alert that arrived after the reader's page loaded is not marked read unseen.
 */
export async function markAllNotificationsRead(recipientId: string, opts: { category?: NotificationCategory; through?: Date } = {}): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: { AND: [ownDelivered(recipientId, { unread: true, category: opts.category }), opts.through ? { sentAt: { lte: opts.through } } : {}] },
    data: { status: 'READ', readAt: new Date() },
  });
  return count;
}
