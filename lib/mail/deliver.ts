// Delivers queued mail: claims a due message (FOR UPDATE SKIP LOCKED, so any number of workers share
// the queue), renders and sends it, records the outcome, and so on. A failed attempt is retried with
// backoff and its reason kept; after the last attempt the message is `FAILED`. A claim lasts CLAIM_MS:
// a sender that crashed after claiming leaves the message to be claimed again when that time is up
// (the job runs every minute), so nothing is lost; the worst case is one message sent twice, with the
// same Message-ID.
import { prisma } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { composeMail } from './compose';
import { configuredTransport, type MailTransport } from './transport';

const MINUTE_MS = 60_000;
/** The wait after each failed attempt; one attempt more than there are waits, then `FAILED`. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 480].map((m) => m * MINUTE_MS);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const CLAIM_MS = 5 * MINUTE_MS;
/** Sent and failed messages stay this long for the admins' outbox, then go. */
export const FINISHED_KEEP_DAYS = 30;

type Claimed = {
  id: string;
  userId: string;
  template: string;
  subject: string;
  optional: boolean;
  attempts: number;
  recipientCiphertext: string;
  dataCiphertext: string;
};

export type DeliveryOptions = {
  transport?: MailTransport;
  now?: () => Date;
  /** Only the mail of these accounts (a test's own messages in the shared test database). */
  userIds?: string[];
  /** Stop after this many messages (the next run goes on). */
  maxMessages?: number;
};

/**
 * Claims the next due message, one at a time: a send is bounded by the transport's timeouts (2 min),
 * well inside its claim, so a live sender never sees its claim lapse.
 */
export async function claimDueMail(now: Date, userIds?: string[]): Promise<Claimed | null> {
  const scope = userIds ? Prisma.sql`AND user_id = ANY(${userIds}::uuid[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<Claimed[]>`
    UPDATE mail_messages m
    SET status = 'SENDING', attempts = m.attempts + 1, next_attempt_at = ${new Date(now.getTime() + CLAIM_MS)}
    WHERE m.id IN (
      SELECT id FROM mail_messages
      WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= ${now} ${scope}
      ORDER BY next_attempt_at LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING m.id::text AS id, m.user_id::text AS "userId", m.template, m.subject, m.optional, m.attempts,
              m.recipient_ciphertext AS "recipientCiphertext", m.data_ciphertext AS "dataCiphertext"`;
  return rows[0] ?? null;
}

/** The reason kept for an attempt: the server's answer or the error, with any address in it removed. */
export function failureReason(error: unknown): string {
  const e = error as { code?: unknown; response?: unknown; message?: unknown };
  const text = typeof e?.response === 'string' ? e.response : typeof e?.message === 'string' ? e.message : String(error);
  const code = typeof e?.code === 'string' ? `${e.code}: ` : '';
  return `${code}${text}`.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>').slice(0, 500);
}

type Outcome = 'sent' | 'retrying' | 'failed';

/** Records an outcome, only while the claim is still this sender's (a lapsed claim may be re-taken). */
async function settle(m: Claimed, data: Prisma.MailMessageUpdateManyMutationInput): Promise<void> {
  await prisma.mailMessage.updateMany({ where: { id: m.id, status: 'SENDING', attempts: m.attempts }, data });
}

async function deliverOne(m: Claimed, transport: MailTransport, now: Date): Promise<Outcome> {
  const fail = async (reason: string): Promise<Outcome> => {
    await settle(m, { status: 'FAILED', lastError: reason });
    return 'failed';
  };
  if (m.attempts > MAX_ATTEMPTS) return fail('the last attempt was interrupted');
  let mail;
  try {
    mail = await composeMail(m); // nothing that fails here gets better with time
  } catch (error) {
    return fail(`cannot be prepared: ${failureReason(error)}`);
  }
  try {
    const { messageId } = await transport.send(mail);
    await settle(m, { status: 'SENT', sentAt: now, messageId });
    return 'sent';
  } catch (error) {
    const reason = failureReason(error);
    if (m.attempts >= MAX_ATTEMPTS) return fail(reason);
    await settle(m, { status: 'QUEUED', lastError: reason, nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_MS[m.attempts - 1]!) });
    return 'retrying';
  }
}

/** Sends every due message; returns the counts of this run. */
export async function deliverDueMail(options: DeliveryOptions = {}): Promise<Record<Outcome, number>> {
  const transport = options.transport ?? configuredTransport();
  const now = options.now ?? (() => new Date());
  const counts: Record<Outcome, number> = { sent: 0, retrying: 0, failed: 0 };
  for (let done = 0; done < (options.maxMessages ?? 200); done++) {
    const message = await claimDueMail(now(), options.userIds);
    if (!message) break;
    counts[await deliverOne(message, transport, now())]++;
  }
  return counts;
}

/** Deletes sent and failed messages older than FINISHED_KEEP_DAYS; returns how many. */
export async function purgeFinishedMail(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - FINISHED_KEEP_DAYS * 24 * 60 * MINUTE_MS);
  const { count } = await prisma.mailMessage.deleteMany({ where: { status: { in: ['SENT', 'FAILED'] }, createdAt: { lt: cutoff } } });
  return count;
}
