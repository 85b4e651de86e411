// Integration: queued mail delivered to a real SMTP server in this process (smtp-server), against the
// real database. Messages are queued a year ahead and delivered with that clock, and only this file's
// accounts' mail is claimed, so the test server's own mail job (which runs every minute on the real
// clock) never takes them.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailIndex } from '@/lib/crypto/blind-index';
import { ciphertextVersion } from '@/lib/crypto/fields';
import { reencryptUser } from '@/lib/crypto/reencrypt';
import { destroyUserKeys } from '@/lib/crypto/user-keys';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { MESSAGES } from '@/lib/i18n/messages';
import { createUser } from '@/test/factories';
import { startSmtpServer, type TestSmtpServer } from '@/test/smtp-server';
import { CLAIM_MS, claimDueMail, deliverDueMail, FINISHED_KEEP_DAYS, MAX_ATTEMPTS, purgeFinishedMail, RETRY_DELAYS_MS } from './deliver';
import { enqueueMail } from './enqueue';
import { outboxTransport, smtpTransport } from './transport';

const FROM = 'Pulse <no-reply@pulse.test.example>';
const YEAR_MS = 365 * 24 * 3600_000;
const at = (ms: number) => () => new Date(ms);

let smtp: TestSmtpServer;
let user: { id: string; email: string };
let start: number; // this test's clock: a year ahead

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  user = await createUser();
  start = Date.now() + YEAR_MS;
  smtp.received.length = 0;
  smtp.refuseWith(null);
});

const queue = (extra: { token?: string; to?: string } = {}) =>
  enqueueMail(prisma, {
    to: extra.to ?? user.email,
    template: 'verify-email',
    data: { token: extra.token ?? randomBytes(24).toString('base64url'), validHours: 24 },
    userId: user.id,
    sendAt: new Date(start),
  });

const deliver = (nowMs: number, transport = smtpTransport(smtp.url, FROM)) => deliverDueMail({ transport, now: at(nowMs), userIds: [user.id] });
const row = (id: string) => prisma.mailMessage.findUniqueOrThrow({ where: { id } });

describe('enqueueMail', () => {
  it('writes the message with the transaction that causes it, and not without it', async () => {
    const rolledBack = await prisma
      .$transaction(async (tx) => {
        await enqueueMail(tx, { to: user.email, template: 'test', data: {}, userId: user.id, sendAt: new Date(start) });
        throw new Error('the change failed');
      })
      .catch((e: Error) => e.message);
    expect(rolledBack).toBe('the change failed');
    expect(await prisma.mailMessage.count({ where: { userId: user.id } })).toBe(0);

    const { id } = await prisma.$transaction((tx) => enqueueMail(tx, { to: user.email, template: 'test', data: {}, userId: user.id, sendAt: new Date(start) }));
    expect(await row(id)).toMatchObject({ status: 'QUEUED', attempts: 0, template: 'test', subject: 'Pulse test message', recipientIndex: emailIndex(user.email) });
  });

  it('stores the address and the data encrypted: neither appears in the row', async () => {
    const token = `canary${randomBytes(12).toString('hex')}`;
    const to = `${token}@test.example`;
    const { id } = await queue({ token, to });
    const [stored] = await prisma.$queryRaw<{ text: string }[]>`SELECT m::text AS text FROM mail_messages m WHERE id = ${id}::uuid`;
    expect(stored!.text).not.toContain(token);
    expect(stored!.text).not.toContain('test.example');
  });

  it('is re-encrypted with the rest of the account when its data key is rotated, and still delivered', async () => {
    const { id } = await queue();
    const before = await row(id);
    await reencryptUser(user.id, { settleMs: 0 });
    const after = await row(id);
    expect([ciphertextVersion(before.recipientCiphertext), ciphertextVersion(before.dataCiphertext)]).toEqual([1, 1]);
    expect([ciphertextVersion(after.recipientCiphertext), ciphertextVersion(after.dataCiphertext)]).toEqual([2, 2]);
    expect(await deliver(start)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received[0]!.to).toEqual([user.email]);
  });

  it('refuses data that does not fit the template, and a bad address, writing nothing', async () => {
    await expect(enqueueMail(prisma, { to: user.email, template: 'verify-email', data: { token: 'short', validHours: 24 }, userId: user.id })).rejects.toThrow();
    await expect(enqueueMail(prisma, { to: 'not an address', template: 'test', data: {}, userId: user.id })).rejects.toThrow();
    expect(await prisma.mailMessage.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('deliverDueMail over SMTP', () => {
  it('sends a multipart message (text and HTML) from MAIL_FROM to the address, and records it as sent', async () => {
    const token = randomBytes(24).toString('base64url');
    const { id } = await queue({ token });
    expect(await deliver(start)).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('no-reply@pulse.test.example');
    expect(mail.to).toEqual([user.email]);
    expect(mail.headers.get('from')).toBe(FROM);
    expect(mail.headers.get('to')).toBe(user.email);
    expect(mail.headers.get('subject')).toBe('Confirm your e-mail address for Pulse');
    expect(mail.headers.get('message-id')).toBe(`<${id}@pulse.test.example>`);
    expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative/);
    const link = `${env().mail.appUrl}/verify-email?token=${token}`;
    expect(mail.parts.get('text/plain')).toContain(`Confirm my address: ${link}`);
    expect(mail.parts.get('text/html')).toContain(`href="${link}"`);
    expect(mail.parts.get('text/html')).toContain('Pulse');

    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, messageId: `<${id}@pulse.test.example>`, lastError: null });
    expect(sent.sentAt?.getTime()).toBe(start);
    expect(await deliver(start + 10 * YEAR_MS)).toEqual({ sent: 0, retrying: 0, failed: 0 }); // sent once only
  });

  it('optional mail carries the preferences link in both parts and a List-Unsubscribe header; other mail does not', async () => {
    await enqueueMail(prisma, { to: user.email, template: 'test', data: {}, userId: user.id, optional: true, sendAt: new Date(start) });
    await deliver(start);
    await queue();
    await deliver(start);
    const [optional, required] = smtp.received;
    const preferences = `${env().mail.appUrl}/settings`;
    expect(optional!.parts.get('text/plain')).toContain(preferences);
    expect(optional!.parts.get('text/html')).toContain(`href="${preferences}"`);
    expect(optional!.headers.get('list-unsubscribe')).toBe(`<${preferences}>`);
    expect(required!.parts.get('text/plain')).not.toContain(preferences);
    expect(required!.headers.has('list-unsubscribe')).toBe(false);
  });

  it('a temporary refusal (4xx) leaves the message queued for a retry a minute later, with the reason and no address in it', async () => {
    const { id } = await queue();
    smtp.refuseWith({ at: 'rcpt', code: 451, message: `Try again later, ${user.email}` });
    expect(await deliver(start)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const queued = await row(id);
    expect(queued).toMatchObject({ status: 'QUEUED', attempts: 1 });
    expect(queued.lastError).toContain('451');
    expect(queued.lastError).not.toContain(user.email);
    expect(queued.nextAttemptAt.getTime()).toBe(start + RETRY_DELAYS_MS[0]!);

    // Not due before then; delivered once the server takes mail again.
    expect(await deliver(start + RETRY_DELAYS_MS[0]! - 1)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    smtp.refuseWith(null);
    expect(await deliver(start + RETRY_DELAYS_MS[0]!)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it('a refusing server (5xx) is retried with growing waits, then the message is failed with the reason', async () => {
    const { id } = await queue();
    smtp.refuseWith({ at: 'data', code: 554, message: 'Transaction failed' });
    let now = start;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliver(now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const queued = await row(id);
      expect(queued).toMatchObject({ status: 'QUEUED', attempts: attempt });
      expect(queued.nextAttemptAt.getTime() - now).toBe(RETRY_DELAYS_MS[attempt - 1]);
      now = queued.nextAttemptAt.getTime();
    }
    expect(await deliver(now)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS, sentAt: null });
    expect(failed.lastError).toMatch(/554 Transaction failed/);
    expect(await deliver(now + 10 * YEAR_MS)).toEqual({ sent: 0, retrying: 0, failed: 0 }); // nothing more
    expect(RETRY_DELAYS_MS).toEqual([1, 5, 30, 120, 480].map((m) => m * 60_000));
  });

  it('a closed port leaves the message queued with the connection error as the reason', async () => {
    const closed = await startSmtpServer();
    const url = closed.url;
    await closed.close();
    const { id } = await queue();
    expect(await deliver(start, smtpTransport(url, FROM))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const queued = await row(id);
    expect(queued.status).toBe('QUEUED');
    expect(queued.lastError).toMatch(/ECONNREFUSED/);
  });

  it('a sender that crashed after claiming: the message is claimed again when the claim lapses, and sent', async () => {
    const { id } = await queue();
    expect((await claimDueMail(new Date(start), [user.id]))?.id).toBe(id); // … and the process dies here
    expect(await row(id)).toMatchObject({ status: 'SENDING', attempts: 1 });
    expect(await deliver(start + CLAIM_MS - 1)).toEqual({ sent: 0, retrying: 0, failed: 0 }); // still claimed
    expect(await deliver(start + CLAIM_MS)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('a crash during the last attempt fails the message with a reason', async () => {
    const { id } = await queue();
    await prisma.mailMessage.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await claimDueMail(new Date(start), [user.id]);
    expect(await deliver(start + CLAIM_MS)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'FAILED', lastError: 'the last attempt was interrupted' });
    expect(smtp.received).toHaveLength(0);
  });

  it('senders running at once share the queue: every message is sent exactly once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 8; i++) ids.add((await queue()).id);
    const runs = await Promise.all([deliver(start), deliver(start), deliver(start)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(8);
    expect(smtp.received).toHaveLength(8);
    const messageIds = smtp.received.map((m) => m.headers.get('message-id'));
    expect(new Set(messageIds).size).toBe(8);
    expect(await prisma.mailMessage.count({ where: { id: { in: [...ids] }, status: 'SENT', attempts: 1 } })).toBe(8);
  });

  it('mail of a deleted account (its keys destroyed) cannot be read: failed at once, nothing sent', async () => {
    const { id } = await queue();
    await destroyUserKeys(user.id);
    expect(await deliver(start)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed.lastError).toMatch(/^cannot be prepared: .*destroyed/);
    expect(smtp.received).toHaveLength(0);
  });
});

/**
 * A header as the reader's mail program shows it: a subject outside ASCII travels as RFC 2047 encoded
 * words (=?UTF-8?B?…?=), which the test server keeps as they came; their bytes joined, then read as UTF-8.
 */
function decodedHeader(value: string | undefined): string | undefined {
  const words = [...(value ?? '').matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)];
  if (words.length === 0) return value;
  const bytes = words.map(([, kind, text]) =>
    kind!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : Buffer.from(text!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'),
  );
  return Buffer.concat(bytes).toString('utf8');
}

describe('in the reader\'s language', () => {
  const speaks = (userId: string, language: string | null) => prisma.userPreferences.update({ where: { userId }, data: { language } });

  it('a person whose language is Tamil gets the Tamil subject and body over SMTP; the stored subject stays English', async () => {
    await speaks(user.id, 'ta');
    const token = randomBytes(24).toString('base64url');
    const { id } = await queue({ token });
    expect(await deliver(start)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const mail = smtp.received[0]!;
    const ta = MESSAGES.ta.mail.verifyEmail;
    expect(decodedHeader(mail.headers.get('subject'))).toBe(ta.subject);
    expect(mail.parts.get('text/plain')).toContain(ta.heading);
    expect(mail.parts.get('text/plain')).toContain(`${ta.action}: ${env().mail.appUrl}/verify-email?token=${token}`);
    expect(mail.parts.get('text/plain')).toContain('24 மணி நேரம்');
    expect(mail.parts.get('text/html')).toContain('<html lang="ta">');
    expect(mail.parts.get('text/html')).toContain(ta.body);
    expect((await row(id)).subject).toBe('Confirm your e-mail address for Pulse'); // the outbox list's label
  });

  it('a language never chosen is English', async () => {
    await speaks(user.id, null);
    await queue();
    await deliver(start);
    expect(smtp.received[0]!.headers.get('subject')).toBe('Confirm your e-mail address for Pulse');
    expect(smtp.received[0]!.parts.get('text/html')).toContain('<html lang="en">');
  });

  it('an invitation reads in the invitee\'s language when they have an account, else in the inviter\'s', async () => {
    const invitee = await createUser({ role: 'DOCTOR' });
    await Promise.all([speaks(user.id, 'hi'), speaks(invitee.id, 'te')]);
    const invite = (to: string) =>
      enqueueMail(prisma, { to, template: 'invitation', data: { token: randomBytes(24).toString('base64url'), inviterName: 'Asha', as: 'DOCTOR', validDays: 14 }, userId: user.id, sendAt: new Date(start) });
    await invite(invitee.email);
    await deliver(start);
    await invite(`nobody-${randomBytes(6).toString('hex')}@test.example`);
    await deliver(start);
    const [toAccount, toStranger] = smtp.received;
    expect(decodedHeader(toAccount!.headers.get('subject'))).toBe(MESSAGES.te.mail.invitation.subject);
    expect(toAccount!.parts.get('text/plain')).toContain(MESSAGES.te.mail.invitation.body.DOCTOR.replace('{name}', 'Asha'));
    expect(decodedHeader(toStranger!.headers.get('subject'))).toBe(MESSAGES.hi.mail.invitation.subject);
    expect(toStranger!.parts.get('text/plain')).toContain(MESSAGES.hi.mail.invitation.body.DOCTOR.replace('{name}', 'Asha'));
  });
});

describe('the development outbox', () => {
  it('writes each message as a JSON file with both parts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'outbox-'));
    const token = randomBytes(24).toString('base64url');
    const { id } = await queue({ token });
    expect(await deliver(start, outboxTransport(dir, FROM))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const file = JSON.parse(await readFile(path.join(dir, `${id}.json`), 'utf8')) as Record<string, string>;
    expect(file).toMatchObject({ id, from: FROM, to: user.email, subject: 'Confirm your e-mail address for Pulse', messageId: `<${id}@pulse.test.example>` });
    expect(file.text).toContain(`/verify-email?token=${token}`);
    expect(file.html).toContain(`/verify-email?token=${token}`);
    expect(await row(id)).toMatchObject({ status: 'SENT' });
  });
});

describe('purgeFinishedMail', () => {
  it('deletes sent and failed messages after the keeping period, never queued ones', async () => {
    const old = new Date(Date.now() - (FINISHED_KEEP_DAYS + 1) * 24 * 3600_000);
    const [sent, failed, queued] = await Promise.all([queue(), queue(), queue()]);
    await prisma.mailMessage.updateMany({ where: { id: { in: [sent.id, failed.id, queued.id] } }, data: { createdAt: old } });
    await prisma.mailMessage.update({ where: { id: sent.id }, data: { status: 'SENT' } });
    await prisma.mailMessage.update({ where: { id: failed.id }, data: { status: 'FAILED' } });
    await purgeFinishedMail();
    expect((await prisma.mailMessage.findMany({ where: { userId: user.id }, select: { id: true } })).map((m) => m.id)).toEqual([queued.id]);
  });
});
