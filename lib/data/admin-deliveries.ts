// The admins' view of message delivery (issue 17): per channel (e-mail: mail_messages; Web Push:
// push_deliveries), how the messages queued in the last 24 h and 7 days stand (sent, failed, pending), the
// latest failures with their reasons, and a retry that puts a failed one back in its queue. It shows who a
// message was for only as a user id and role: never an address, a push endpoint or what the message said.
import { prisma } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import type { PipelineEvent } from '../jobs/events';

export const DELIVERY_CHANNELS = ['email', 'push'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const FAILURES_SHOWN = 100;
const HOUR_MS = 3_600_000;

export type DeliveryCounts = { sent: number; failed: number; pending: number };
export type ChannelStats = { last24h: DeliveryCounts; last7d: DeliveryCounts };
export type DeliveryFailure = {
  channel: DeliveryChannel;
  id: string;
  /** E-mail: the template ('notification', 'verify-email', …); push: null. */
  template: string | null;
  /** The kind of the notification delivered ('digest.daily', 'emergency.GLUCOSE_LOW', …), when it is one. */
  notificationKind: string | null;
  /** The account the message is for (an invitation's: the inviter's). */
  userId: string;
  role: string;
  attempts: number;
  lastError: string | null;
  queuedAt: Date;
};
export type DeliveryOverview = { asOf: Date; channels: Record<DeliveryChannel, ChannelStats>; failures: DeliveryFailure[] };

type CountRow = { span: '24h' | '7d'; sent: number; failed: number; pending: number };

// Counted by when each message was queued, as it stands now; both tables are indexed on created_at.
async function countsOf(table: 'mail_messages' | 'push_deliveries', now: Date): Promise<ChannelStats> {
  const day = new Date(now.getTime() - 24 * HOUR_MS);
  const week = new Date(now.getTime() - 7 * 24 * HOUR_MS);
  const rows = table === 'mail_messages'
    ? await prisma.$queryRaw<CountRow[]>`
        SELECT w.span, count(m.id) FILTER (WHERE m.status = 'SENT')::int AS sent, count(m.id) FILTER (WHERE m.status = 'FAILED')::int AS failed,
               count(m.id) FILTER (WHERE m.status IN ('QUEUED', 'SENDING'))::int AS pending
        FROM (VALUES ('24h', ${day}::timestamptz), ('7d', ${week}::timestamptz)) AS w(span, since)
        LEFT JOIN mail_messages m ON m.created_at > w.since AND m.created_at <= ${now}
        GROUP BY w.span`
    : await prisma.$queryRaw<CountRow[]>`
        SELECT w.span, count(d.id) FILTER (WHERE d.status = 'SENT')::int AS sent, count(d.id) FILTER (WHERE d.status = 'FAILED')::int AS failed,
               count(d.id) FILTER (WHERE d.status IN ('QUEUED', 'SENDING'))::int AS pending
        FROM (VALUES ('24h', ${day}::timestamptz), ('7d', ${week}::timestamptz)) AS w(span, since)
        LEFT JOIN push_deliveries d ON d.created_at > w.since AND d.created_at <= ${now}
        GROUP BY w.span`;
  const of = (span: CountRow['span']): DeliveryCounts => {
    const row = rows.find((r) => r.span === span);
    return { sent: row?.sent ?? 0, failed: row?.failed ?? 0, pending: row?.pending ?? 0 };
  };
  return { last24h: of('24h'), last7d: of('7d') };
}

/**
 * A failure's reason as shown: the mail path keeps none of the address already (lib/mail/deliver.ts
 * failureReason); whatever a push service or a library put in, any address or URL (an endpoint) goes too.
 */
export function shownReason(reason: string | null): string | null {
  if (reason === null) return null;
  return reason.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, '<url>').replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>');
}

async function latestFailures(): Promise<DeliveryFailure[]> {
  const [mail, push] = await Promise.all([
    prisma.mailMessage.findMany({
      where: { status: 'FAILED' },
      orderBy: { createdAt: 'desc' },
      take: FAILURES_SHOWN,
      select: { id: true, template: true, attempts: true, lastError: true, createdAt: true, user: { select: { id: true, role: true } }, notification: { select: { kind: true } } },
    }),
    prisma.pushDelivery.findMany({
      where: { status: 'FAILED' },
      orderBy: { createdAt: 'desc' },
      take: FAILURES_SHOWN,
      select: { id: true, recipientId: true, attempts: true, lastError: true, createdAt: true, notification: { select: { kind: true } } },
    }),
  ]);
  const roles = new Map(
    (await prisma.user.findMany({ where: { id: { in: [...new Set(push.map((p) => p.recipientId))] } }, select: { id: true, role: true } })).map((u) => [u.id, u.role]),
  );
  const failures: DeliveryFailure[] = [
    ...mail.map((m) => ({
      channel: 'email' as const, id: m.id, template: m.template, notificationKind: m.notification?.kind ?? null,
      userId: m.user.id, role: m.user.role, attempts: m.attempts, lastError: shownReason(m.lastError), queuedAt: m.createdAt,
    })),
    ...push.map((p) => ({
      channel: 'push' as const, id: p.id, template: null, notificationKind: p.notification.kind,
      userId: p.recipientId, role: roles.get(p.recipientId) ?? 'UNKNOWN', attempts: p.attempts, lastError: shownReason(p.lastError), queuedAt: p.createdAt,
    })),
  ];
  return failures.sort((a, b) => b.queuedAt.getTime() - a.queuedAt.getTime() || a.id.localeCompare(b.id)).slice(0, FAILURES_SHOWN);
}

export async function deliveryOverview(now = new Date()): Promise<DeliveryOverview> {
  const [email, push, failures] = await Promise.all([countsOf('mail_messages', now), countsOf('push_deliveries', now), latestFailures()]);
  return { asOf: now, channels: { email, push }, failures };
}

/** The job that delivers a channel's queue. */
export const DELIVERY_EVENT: Record<DeliveryChannel, PipelineEvent> = {
  email: { key: 'mailRequested', data: {} },
  push: { key: 'pushRequested', data: {} },
};

const onlyFailed = () => new ApiError('CONFLICT', 'only a failed delivery can be retried: this one is queued, being sent or sent');

/**
 * Puts a failed message back in its queue, due now, with its attempts counted afresh (404 unknown; 409
 * not failed, or a push whose browser subscription is gone: expired or unsubscribed, it cannot be sent).
 */
export async function retryDelivery(channel: DeliveryChannel, id: string, now = new Date()): Promise<{ channel: DeliveryChannel; id: string; status: 'QUEUED' }> {
  const requeue = { status: 'QUEUED' as const, attempts: 0, nextAttemptAt: now };
  if (channel === 'email') {
    const { count } = await prisma.mailMessage.updateMany({ where: { id, status: 'FAILED' }, data: requeue });
    if (count === 0) throw (await prisma.mailMessage.count({ where: { id } })) > 0 ? onlyFailed() : notFound('delivery');
    return { channel, id, status: 'QUEUED' };
  }
  const { count } = await prisma.pushDelivery.updateMany({ where: { id, status: 'FAILED', subscriptionId: { not: null } }, data: requeue });
  if (count > 0) return { channel, id, status: 'QUEUED' };
  const delivery = await prisma.pushDelivery.findUnique({ where: { id }, select: { status: true, subscriptionId: true } });
  if (!delivery) throw notFound('delivery');
  if (delivery.status !== 'FAILED') throw onlyFailed();
  throw new ApiError('CONFLICT', 'the browser subscription of this push delivery is gone (expired or unsubscribed): it cannot be sent again');
}
