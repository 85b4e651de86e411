// Integration (HTTP, real PostgreSQL and SMTP server): GET /api/v1/admin/deliveries (counts per channel,
// latest failures) and POST /api/v1/admin/deliveries/{channel}/{id}/retry. Admins only; nothing private
// in the answer (a canary address, push endpoint and notification text are looked for and must be absent);
// a retried e-mail goes back in the queue and is really delivered; a push whose subscription is gone is 409.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { enqueueMail } from '@/lib/mail/enqueue';
import { createSignedInUser, createUser, waitFor } from '@/test/factories';
import { api } from '@/test/http';
import { receivedMail } from '@/test/received-mail';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
type Counts = { sent: number; failed: number; pending: number };
type Overview = {
  asOf: string;
  channels: Record<'email' | 'push', { last24h: Counts; last7d: Counts }>;
  failures: { channel: 'email' | 'push'; id: string; template: string | null; notificationKind: string | null; userId: string; role: string; attempts: number; lastError: string | null; queuedAt: string }[];
};

const CANARY = randomUUID().slice(0, 8);
const canaryAddress = `canary-${CANARY}@test.example`;
const canaryEndpoint = `https://push.example/${CANARY}-endpoint`;
const canaryText = `Glucose ${CANARY} mg/dL`;

const overview = (cookie?: string) => api<Overview>('/api/v1/admin/deliveries', { cookie });
const retry = (channel: string, id: string, cookie?: string) => api(`/api/v1/admin/deliveries/${channel}/${id}/retry`, { method: 'POST', cookie });

let admin: SignedIn;
let patient: SignedIn;
let doctor: SignedIn;

/** A queued test e-mail to the canary address, then failed after its attempts (as the mail job leaves one). */
async function failedMail(userId: string, notificationId: string | null = null) {
  const { id } = await enqueueMail(prisma, { to: canaryAddress, template: 'test', data: {}, userId });
  await prisma.mailMessage.update({ where: { id }, data: { status: 'FAILED', attempts: 6, lastError: '550: mailbox unavailable <address>', notificationId } });
  return id;
}

async function notification(recipientId: string) {
  return prisma.notification.create({ data: { recipientId, kind: 'digest.daily', status: 'SENT', title: canaryText, body: canaryText } });
}

/** A failed push delivery, its subscription kept or gone (an expired one is deleted: the FK sets null). */
async function failedPush(recipientId: string, subscription: 'kept' | 'gone') {
  const n = await notification(recipientId);
  const sub = await prisma.pushSubscription.create({
    data: { userId: recipientId, endpointHash: randomUUID(), endpoint: canaryEndpoint, p256dh: 'key', auth: 'auth' },
  });
  const d = await prisma.pushDelivery.create({
    data: {
      notificationId: n.id, subscriptionId: sub.id, recipientId, status: 'FAILED', attempts: 5, nextAttemptAt: new Date(),
      lastError: `410 Gone from ${canaryEndpoint} for ${canaryAddress}`,
    },
  });
  if (subscription === 'gone') await prisma.pushSubscription.delete({ where: { id: sub.id } });
  return d.id;
}

beforeAll(async () => {
  [admin, patient, doctor] = await Promise.all([createSignedInUser({ role: 'ADMIN' }), createSignedInUser(), createSignedInUser({ role: 'DOCTOR' })]);
});

describe('GET /api/v1/admin/deliveries', () => {
  it('counts per channel and the latest failures, newest first, with what and for whom (role and id only)', async () => {
    const owner = await createUser();
    const n = await notification(owner.id);
    const mailId = await failedMail(owner.id, n.id);
    const pushId = await failedPush(owner.id, 'kept');
    await enqueueMail(prisma, { to: canaryAddress, template: 'test', data: {}, userId: owner.id, sendAt: new Date(Date.now() + 3600_000) }); // pending

    const res = await overview(admin.cookie);
    expect(res.status).toBe(200);
    for (const channel of ['email', 'push'] as const) {
      const { last24h, last7d } = res.body.channels[channel];
      expect(last24h.failed).toBeGreaterThanOrEqual(1);
      for (const key of ['sent', 'failed', 'pending'] as const) expect(last7d[key]).toBeGreaterThanOrEqual(last24h[key]);
    }
    expect(res.body.channels.email.last24h.pending).toBeGreaterThanOrEqual(1);
    const mail = res.body.failures.find((f) => f.id === mailId);
    expect(mail).toEqual({
      channel: 'email', id: mailId, template: 'test', notificationKind: 'digest.daily', userId: owner.id, role: 'PATIENT',
      attempts: 6, lastError: '550: mailbox unavailable <address>', queuedAt: expect.any(String),
    });
    const push = res.body.failures.find((f) => f.id === pushId)!;
    expect(push).toMatchObject({ channel: 'push', template: null, notificationKind: 'digest.daily', userId: owner.id, role: 'PATIENT', attempts: 5 });
    expect(push.lastError).toBe('410 Gone from <url> for <address>');
    const times = res.body.failures.map((f) => Date.parse(f.queuedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(res.body.failures.length).toBeLessThanOrEqual(100);
  });

  it('nothing private in the answer: no address, no endpoint, no message content', async () => {
    const owner = await createUser();
    await failedMail(owner.id);
    await failedPush(owner.id, 'kept');
    const res = await api('/api/v1/admin/deliveries', { cookie: admin.cookie });
    const text = JSON.stringify(res.body);
    expect(text).toContain(owner.id);
    for (const secret of [CANARY, canaryAddress, canaryEndpoint, canaryText, owner.email, 'Pulse test message']) expect(text).not.toContain(secret);
  });

  it('admins only: 403 for others, 401 without a session', async () => {
    for (const caller of [patient, doctor]) {
      const res = await overview(caller.cookie);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect((await overview()).status).toBe(401);
  });
});

describe('POST /api/v1/admin/deliveries/{channel}/{id}/retry', () => {
  it('puts a failed e-mail back in its queue; the mail job delivers it; the retry is audited', async () => {
    const owner = await createUser();
    const id = await failedMail(owner.id);
    const before = Date.now();
    const res = await retry('email', id, admin.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ channel: 'email', id, status: 'QUEUED' });
    // Dispatched after the answer: delivered through the test run's SMTP server, with fresh attempts.
    await receivedMail(canaryAddress, 'e-mail delivery works');
    const row = await waitFor(async () => {
      const m = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
      return m.status === 'SENT' ? m : undefined;
    }, 'the retried message to be sent');
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before);
    const audit = await prisma.auditLog.findFirst({ where: { actorUserId: admin.id, action: 'POST /api/v1/admin/deliveries/[channel]/[id]/retry', occurredAt: { gte: new Date(before) } } });
    expect(audit).toMatchObject({ outcome: 'SUCCESS' });
    expect(audit!.details).toMatchObject({ status: 200, channel: 'email', id });
  });

  it('puts a failed push delivery back in its queue, attempts counted afresh', async () => {
    const owner = await createUser();
    const id = await failedPush(owner.id, 'kept');
    const res = await retry('push', id, admin.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ channel: 'push', id, status: 'QUEUED' });
    // The push job may already be at it (its endpoint is not real), but the count started again.
    expect((await prisma.pushDelivery.findUniqueOrThrow({ where: { id } })).attempts).toBeLessThan(5);
  });

  it('a push delivery whose subscription is gone → 409 with the reason; nothing changes', async () => {
    const owner = await createUser();
    const id = await failedPush(owner.id, 'gone');
    const res = await retry('push', id, admin.cookie);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/subscription .* is gone/) });
    expect(await prisma.pushDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', attempts: 5 });
  });

  it('only a failed one (409); an unknown id, a bad id or channel → 404', async () => {
    const owner = await createUser();
    const { id: queued } = await enqueueMail(prisma, { to: canaryAddress, template: 'test', data: {}, userId: owner.id, sendAt: new Date(Date.now() + 3600_000) });
    const res = await retry('email', queued, admin.cookie);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/only a failed delivery/);
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id: queued } })).toMatchObject({ status: 'QUEUED', attempts: 0 });
    for (const [channel, id] of [['email', randomUUID()], ['push', randomUUID()], ['email', 'not-a-uuid'], ['sms', queued]]) {
      const r = await retry(channel!, id!, admin.cookie);
      expect(r.status, `${channel}/${id}`).toBe(404);
    }
  });

  it('admins only: 403 for others (nothing changes), 401 without a session', async () => {
    const owner = await createUser();
    const id = await failedMail(owner.id);
    for (const caller of [patient, doctor]) expect((await retry('email', id, caller.cookie)).status).toBe(403);
    expect((await retry('email', id)).status).toBe(401);
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', attempts: 6 });
  });
});
