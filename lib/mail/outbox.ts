// The admins' view of the outbox (app/(app)/admin/outbox): the newest messages with their delivery
// status, and one message as it reads. Only in development and demo mode, where mail goes to the
// development outbox: elsewhere the page does not exist (message texts hold single-use links).
import { uuidOrNull } from '../audit/record';
import { prisma } from '../db/client';
import { env, type Env } from '../env';
import { composeMail } from './compose';
import { readableRecipient } from './fields';

export const outboxPageAvailable = (e: Env = env()) => e.demoMode;

const LIST_FIELDS = {
  id: true, userId: true, recipientCiphertext: true, template: true, subject: true, status: true, attempts: true,
  lastError: true, nextAttemptAt: true, sentAt: true, createdAt: true,
} as const;

export async function listOutbox(limit = 100) {
  const rows = await prisma.mailMessage.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit, select: LIST_FIELDS });
  return Promise.all(rows.map(async ({ recipientCiphertext, ...m }) => ({ ...m, to: await readableRecipient({ ...m, recipientCiphertext }) })));
}

export type OutboxRow = Awaited<ReturnType<typeof listOutbox>>[number];

/** One message with its text and HTML as sent (null when unreadable: the account's keys are gone). */
export async function findOutboxMessage(id: string) {
  if (!uuidOrNull(id)) return null;
  const m = await prisma.mailMessage.findUnique({ where: { id }, select: { ...LIST_FIELDS, dataCiphertext: true, optional: true, messageId: true } });
  if (!m) return null;
  const composed = await composeMail(m).catch(() => null);
  return {
    id: m.id, subject: m.subject, template: m.template, status: m.status, attempts: m.attempts, lastError: m.lastError,
    createdAt: m.createdAt, sentAt: m.sentAt, messageId: m.messageId, userId: m.userId,
    to: composed?.to ?? null, text: composed?.text ?? null, html: composed?.html ?? null,
  };
}
