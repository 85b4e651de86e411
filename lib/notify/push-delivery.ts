// Delivers queued Web Push messages (push_deliveries, one row per notification and subscribed browser):
// claims a due row (FOR UPDATE SKIP LOCKED, so any number of workers share the queue), says what the
// notification says outside the app (lib/notify/outside-text.ts: no values unless the person opted in),
// sends it, records the outcome. A push service that fails is retried with backoff and its reason kept;
// after the last attempt the row is FAILED. A subscription the service says is gone (404/410) is removed.
// A claim lasts CLAIM_MS: a sender that crashed leaves the row to be claimed again when that time is up
// (the job runs every minute); the worst case is one message sent twice, under the same topic and tag.
// One delivery failing, in any way, never stops the others in the run, nor holds them up for long.
import type { Agent } from 'node:https';
import { prisma } from '../db/client';
import { findPushTarget, markPushSuccess, removeExpiredSubscription } from '../data/push-subscriptions';
import { env } from '../env';
import { Prisma } from '../generated/prisma/client';
import { messageOutsideApp } from './outside-text';
import { vapid } from './push-config';
import { endpointProblem } from './push-endpoint';
import { sendPush, type PushPayload, type SendOutcome } from './push-send';

const MINUTE_MS = 60_000;
/** The wait after each failed attempt; one attempt more than there are waits, then `FAILED`. */
export const PUSH_RETRY_DELAYS_MS = [1, 5, 30, 120].map((m) => m * MINUTE_MS);
export const PUSH_MAX_ATTEMPTS = PUSH_RETRY_DELAYS_MS.length + 1;
/** Longer than a send can take (its socket timeout), so a live sender never sees its claim lapse. */
export const PUSH_CLAIM_MS = 5 * MINUTE_MS;
/** Sent and failed rows stay this long for the admins' delivery page, then go. */
export const PUSH_FINISHED_KEEP_DAYS = 30;

type Claimed = { id: string; notificationId: string; subscriptionId: string | null; recipientId: string; attempts: number };

export type PushDeliveryOptions = {
  now?: () => Date;
  /** Only the deliveries to these people (a test's own rows in the shared test database). */
  userIds?: string[];
  /** Stop after this many deliveries (the next run goes on). */
  maxDeliveries?: number;
  /** Deliveries sent at the same time (default 4). */
  concurrency?: number;
  /** Socket idle timeout of one send (default 30 s). */
  timeoutMs?: number;
  /** Tests only: an agent trusting the local receiver's self-signed certificate. */
  agent?: Agent;
};

export async function claimDuePush(now: Date, userIds?: string[]): Promise<Claimed | null> {
  const scope = userIds ? Prisma.sql`AND recipient_id = ANY(${userIds}::uuid[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<Claimed[]>`
    UPDATE push_deliveries d
    SET status = 'SENDING', attempts = d.attempts + 1, next_attempt_at = ${new Date(now.getTime() + PUSH_CLAIM_MS)}
    WHERE d.id IN (
      SELECT id FROM push_deliveries
      WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= ${now} ${scope}
      ORDER BY next_attempt_at LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id::text AS id, d.notification_id::text AS "notificationId", d.subscription_id::text AS "subscriptionId",
              d.recipient_id::text AS "recipientId", d.attempts`;
  return rows[0] ?? null;
}

type Outcome = 'sent' | 'retrying' | 'failed';

/** Records an outcome, only while the claim is still this sender's (a lapsed claim may be re-taken). */
async function settle(d: Claimed, data: Prisma.PushDeliveryUpdateManyMutationInput): Promise<void> {
  await prisma.pushDelivery.updateMany({ where: { id: d.id, status: 'SENDING', attempts: d.attempts }, data });
}

/** The message for this delivery's recipient, or why there is none. */
async function payloadFor(d: Claimed): Promise<PushPayload | string> {
  const n = await prisma.notification.findFirst({
    where: { id: d.notificationId, recipientId: d.recipientId },
    select: { id: true, kind: true, isEmergency: true, recipientId: true, patientId: true, title: true, body: true },
  });
  if (!n) return 'notification not found';
  const preferences = await prisma.userPreferences.findUnique({ where: { userId: d.recipientId }, select: { valuesInMessages: true } });
  const { title, body, url } = await messageOutsideApp(n, { valuesInMessages: preferences?.valuesInMessages ?? false });
  return { title, body, url, tag: n.id, emergency: n.isEmergency };
}

async function attempt(d: Claimed, options: PushDeliveryOptions): Promise<SendOutcome | { kind: 'refused'; reason: string }> {
  if (d.attempts > PUSH_MAX_ATTEMPTS) return { kind: 'refused', reason: 'the last attempt was interrupted' };
  const keys = vapid();
  if (!keys) return { kind: 'refused', reason: 'Web Push is not configured on this server' };
  // Gone, or moved to another person who signed in on that browser: nothing of this person's goes there.
  const target = d.subscriptionId ? await findPushTarget(d.subscriptionId, d.recipientId) : null;
  if (!target) return { kind: 'refused', reason: 'subscription removed' };
  const hostProblem = endpointProblem(target.endpoint, env().push.endpointHosts);
  if (hostProblem) return { kind: 'refused', reason: 'the subscription is not at a known push service' };
  const payload = await payloadFor(d);
  if (typeof payload === 'string') return { kind: 'refused', reason: payload };
  const outcome = await sendPush(target, payload, { vapid: keys, timeoutMs: options.timeoutMs, agent: options.agent });
  if (outcome.kind === 'gone') await removeExpiredSubscription(target.id);
  return outcome;
}

async function deliverOne(d: Claimed, options: PushDeliveryOptions, now: () => Date): Promise<Outcome> {
  let outcome: SendOutcome;
  try {
    outcome = await attempt(d, options);
  } catch (error) {
    // A database or key error of this row: kept as the error's kind only, retried like a failed send.
    outcome = { kind: 'retry', reason: `internal error (${error instanceof Error ? error.name : typeof error})` };
  }
  const at = now();
  if (outcome.kind === 'sent') {
    await settle(d, { status: 'SENT', sentAt: at, lastError: null });
    if (d.subscriptionId) await markPushSuccess(d.subscriptionId, at);
    return 'sent';
  }
  if (outcome.kind === 'retry' && d.attempts < PUSH_MAX_ATTEMPTS) {
    await settle(d, { status: 'QUEUED', lastError: outcome.reason, nextAttemptAt: new Date(at.getTime() + PUSH_RETRY_DELAYS_MS[d.attempts - 1]!) });
    return 'retrying';
  }
  await settle(d, { status: 'FAILED', lastError: outcome.reason });
  return 'failed';
}

/**
 * Sends every due push message, a few at a time (a push service that hangs holds up one sender for its
 * timeout, not the queue behind it); returns the counts of this run.
 */
export async function deliverDuePush(options: PushDeliveryOptions = {}): Promise<Record<Outcome, number>> {
  const now = options.now ?? (() => new Date());
  const counts: Record<Outcome, number> = { sent: 0, retrying: 0, failed: 0 };
  let left = options.maxDeliveries ?? 200;
  const sender = async () => {
    while (left-- > 0) {
      const claimed = await claimDuePush(now(), options.userIds);
      if (!claimed) return;
      counts[await deliverOne(claimed, options, now)]++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, sender));
  return counts;
}

/** Deletes sent and failed deliveries older than PUSH_FINISHED_KEEP_DAYS; returns how many. */
export async function purgeFinishedPush(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - PUSH_FINISHED_KEEP_DAYS * 24 * 60 * MINUTE_MS);
  const { count } = await prisma.pushDelivery.deleteMany({ where: { status: { in: ['SENT', 'FAILED'] }, createdAt: { lt: cutoff } } });
  return count;
}
