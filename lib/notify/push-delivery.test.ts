// Integration: Web Push delivered to a real push service in this process (test/push-receiver.ts, HTTPS
// with a certificate of its own), which decrypts each message with the subscription's keys (RFC 8291)
// and checks its VAPID signature, against the real database. Deliveries are queued a year ahead and
// delivered with that clock, and only this file's recipients' rows are claimed, so the test server's own
// push job (every minute, on the real clock) never takes them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { newNotificationTexts } from '@/lib/data/notification-fields';
import { savePushSubscription } from '@/lib/data/push-subscriptions';
import { env } from '@/lib/env';
import { createUser, setDisplayName } from '@/test/factories';
import { startPushReceiver, type Answer, type PushReceiver } from '@/test/push-receiver';
import { vapid } from './push-config';
import { claimDuePush, deliverDuePush, PUSH_CLAIM_MS, PUSH_MAX_ATTEMPTS, PUSH_RETRY_DELAYS_MS, purgeFinishedPush } from './push-delivery';

const YEAR_MS = 365 * 24 * 3600_000;
let receiver: PushReceiver;
let user: { id: string };
let start: number; // this test's clock: a year ahead

beforeAll(async () => {
  receiver = await startPushReceiver();
  // Read by lib/env.ts on its first use in this file, which is after this.
  process.env.PUSH_ENDPOINT_HOSTS = receiver.host;
  expect(env().push.endpointHosts).toContain(receiver.host);
});
afterAll(() => receiver.close());
beforeEach(async () => {
  user = await createUser();
  start = Date.now() + YEAR_MS;
});

async function subscribe(answer: Answer = 201, owner = user.id) {
  const browser = receiver.subscribe(answer);
  const saved = await savePushSubscription(owner, { endpoint: browser.endpoint, p256dh: browser.keys.p256dh, auth: browser.keys.auth, label: 'Test browser' });
  return { ...browser, subscriptionId: saved.id };
}

type NotificationInput = { recipientId?: string; patientId?: string | null; emergency?: boolean; title?: string; body?: string };

async function notification(n: NotificationInput = {}) {
  const recipientId = n.recipientId ?? user.id;
  const patientId = n.patientId === undefined ? recipientId : n.patientId;
  const texts = await newNotificationTexts(patientId ?? recipientId, { title: n.title ?? 'Low glucose', body: n.body ?? 'Glucose 52 mg/dL at 03:10' });
  const emergency = n.emergency ?? true;
  await prisma.notification.create({
    data: { ...texts, recipientId, patientId, kind: emergency ? 'emergency.GLUCOSE_LOW' : 'insight.SLEEP_DEFICIT', isEmergency: emergency, status: 'SENT', sentAt: new Date(start) },
  });
  return texts.id;
}

async function queue(subscriptionId: string | null, notificationId: string, extra: { at?: number; recipientId?: string } = {}) {
  const row = await prisma.pushDelivery.create({
    data: { notificationId, subscriptionId, recipientId: extra.recipientId ?? user.id, nextAttemptAt: new Date(extra.at ?? start) },
  });
  return row.id;
}

const deliver = (nowMs: number, extra: { agent?: PushReceiver['agent'] | null; userIds?: string[] } = {}) =>
  deliverDuePush({ now: () => new Date(nowMs), userIds: extra.userIds ?? [user.id], agent: extra.agent === null ? undefined : receiver.agent, timeoutMs: 1000 });
const row = (id: string) => prisma.pushDelivery.findUniqueOrThrow({ where: { id } });
const payloadOf = (plaintext: string | null) => JSON.parse(plaintext!) as Record<string, unknown>;

describe('a push delivery', () => {
  it('arrives encrypted to the browser’s keys (RFC 8291) with a valid VAPID signature, and decrypts to the payload', async () => {
    const browser = await subscribe();
    const notificationId = await notification();
    const id = await queue(browser.subscriptionId, notificationId);

    expect(await deliver(start)).toEqual({ sent: 1, retrying: 0, failed: 0 });

    const [got, ...more] = receiver.of(browser.id);
    expect(more).toEqual([]);
    expect(got!.problem).toBeNull();
    expect(payloadOf(got!.plaintext)).toEqual({
      title: 'Pulse alert',
      body: 'An alert needs your attention.',
      url: `${env().mail.appUrl}/notifications#n-${notificationId}`,
      tag: notificationId,
      emergency: true,
    });
    expect(got!.vapid).toMatchObject({ ok: true, problems: [], publicKey: vapid()!.publicKey, claims: { aud: receiver.origin, sub: env().push.subject } });
    // An emergency: high urgency, useless after an hour; its topic collapses a repeated send.
    expect(got!.headers).toMatchObject({ ttl: '3600', urgency: 'high', topic: notificationId.replaceAll('-', ''), 'content-encoding': 'aes128gcm' });

    expect(await row(id)).toMatchObject({ status: 'SENT', attempts: 1, sentAt: new Date(start), lastError: null });
    expect((await prisma.pushSubscription.findUniqueOrThrow({ where: { id: browser.subscriptionId } })).lastSuccessAt).toEqual(new Date(start));
  });

  it('names the patient to a carer, and keeps a non-emergency for a day at normal urgency', async () => {
    const patient = await createUser();
    await setDisplayName(patient.id, 'Alex');
    const browser = await subscribe();
    await queue(browser.subscriptionId, await notification({ patientId: patient.id }));
    await queue(browser.subscriptionId, await notification({ patientId: patient.id, emergency: false }), { at: start + 1 });

    expect(await deliver(start + 1)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    // Sent at the same time: told apart by what they carry, not by the order they arrived in.
    const got = receiver.of(browser.id);
    const emergency = got.find((r) => payloadOf(r.plaintext).emergency === true);
    const insight = got.find((r) => payloadOf(r.plaintext).emergency === false);
    expect(payloadOf(emergency!.plaintext)).toMatchObject({ title: 'Pulse alert', body: 'An alert about Alex needs your attention.', emergency: true });
    expect(payloadOf(insight!.plaintext)).toMatchObject({ title: 'Pulse', body: 'There is something new about Alex in Pulse.', emergency: false });
    expect(insight!.headers).toMatchObject({ ttl: '86400', urgency: 'normal' });
  });

  it('carries no value from the notification unless the recipient opted in to values in messages', async () => {
    const canary = `canary${randomBytes(12).toString('hex')}`;
    const browser = await subscribe();
    const texts = { title: `Low ${canary}`, body: `Glucose 52 mg/dL ${canary}` };
    await queue(browser.subscriptionId, await notification(texts));
    await deliver(start);
    const [withheld] = receiver.of(browser.id);
    expect(withheld!.plaintext).toBeTruthy();
    expect(withheld!.plaintext).not.toContain(canary);
    expect(payloadOf(withheld!.plaintext)).toMatchObject({ title: 'Pulse alert', body: 'An alert needs your attention.' });
    expect(withheld!.plaintext).not.toContain('mg/dL');

    await prisma.userPreferences.update({ where: { userId: user.id }, data: { valuesInMessages: true } });
    await queue(browser.subscriptionId, await notification(texts), { at: start + 1 });
    await deliver(start + 1);
    const [, shown] = receiver.of(browser.id);
    expect(payloadOf(shown!.plaintext)).toMatchObject(texts);
  });

  it('removes a subscription the push service says is gone (410), recording why', async () => {
    const browser = await subscribe(410);
    const first = await queue(browser.subscriptionId, await notification());
    const second = await queue(browser.subscriptionId, await notification(), { at: start + 1 });

    expect(await deliver(start)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await deliver(start + 1)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(receiver.of(browser.id)).toHaveLength(1);
    expect(await prisma.pushSubscription.findUnique({ where: { id: browser.subscriptionId } })).toBeNull();
    expect(await row(first)).toMatchObject({ status: 'FAILED', attempts: 1, subscriptionId: null, lastError: 'subscription expired (410): removed' });
    // The next one for that browser finds it gone.
    expect(await row(second)).toMatchObject({ status: 'FAILED', subscriptionId: null, lastError: 'subscription removed' });
  });

  it('gives up at once on a message the push service refuses (413), keeping the subscription', async () => {
    const browser = await subscribe(413);
    const id = await queue(browser.subscriptionId, await notification());
    expect(await deliver(start)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'push service refused the message (413 Payload Too Large)' });
    expect(await prisma.pushSubscription.findUnique({ where: { id: browser.subscriptionId } })).not.toBeNull();
  });

  it('retries a failing push service (500) after 1, 5, 30 and 120 minutes, then fails, never naming the endpoint', async () => {
    const browser = await subscribe(500);
    const id = await queue(browser.subscriptionId, await notification());
    let now = start;
    for (let attempt = 1; attempt < PUSH_MAX_ATTEMPTS; attempt++) {
      expect(await deliver(now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const wait = PUSH_RETRY_DELAYS_MS[attempt - 1]!;
      expect(await row(id)).toMatchObject({ status: 'QUEUED', attempts: attempt, nextAttemptAt: new Date(now + wait), lastError: 'push service answered 500 Internal Server Error' });
      expect(await deliver(now + wait - 1)).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not before its time
      now += wait;
    }
    expect(PUSH_RETRY_DELAYS_MS.map((ms) => ms / 60_000)).toEqual([1, 5, 30, 120]);
    expect(await deliver(now)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: PUSH_MAX_ATTEMPTS, lastError: 'push service answered 500 Internal Server Error', sentAt: null });
    expect(receiver.of(browser.id)).toHaveLength(PUSH_MAX_ATTEMPTS);
    expect(failed.lastError).not.toContain('127.0.0.1');
    expect(failed.lastError).not.toContain(browser.id);
  });

  it('a push service that never answers holds up nothing: the others in the same run are sent', async () => {
    const hanging = await subscribe('hang');
    const healthy = await subscribe(201);
    const stuck = await queue(hanging.subscriptionId, await notification());
    const fine = await queue(healthy.subscriptionId, await notification(), { at: start + 1 });

    expect(await deliver(start + 1)).toEqual({ sent: 1, retrying: 1, failed: 0 });
    expect(await row(stuck)).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'no answer within 1 s', nextAttemptAt: new Date(start + 1 + PUSH_RETRY_DELAYS_MS[0]!) });
    expect(await row(fine)).toMatchObject({ status: 'SENT' });
    expect(receiver.of(healthy.id)).toHaveLength(1);
  });

  it('keeps TLS checks on: without trusting the receiver’s certificate nothing is sent', async () => {
    const browser = await subscribe();
    const id = await queue(browser.subscriptionId, await notification());
    expect(await deliver(start, { agent: null })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await row(id)).lastError).toMatch(/^network error: [A-Z_]+$/);
    expect(receiver.of(browser.id)).toEqual([]);
  });

  it('fails a delivery whose subscription is gone, or now belongs to someone else, sending nothing', async () => {
    const removed = await queue(null, await notification());
    const browser = await subscribe();
    const moved = await queue(browser.subscriptionId, await notification(), { at: start + 1 });
    // Someone else signs in on that browser and turns notifications on: the browser is theirs now.
    const other = await createUser();
    await savePushSubscription(other.id, { endpoint: browser.endpoint, p256dh: browser.keys.p256dh, auth: browser.keys.auth, label: 'Test browser' });

    expect(await deliver(start + 1)).toEqual({ sent: 0, retrying: 0, failed: 2 });
    expect(await row(removed)).toMatchObject({ status: 'FAILED', lastError: 'subscription removed' });
    expect(await row(moved)).toMatchObject({ status: 'FAILED', lastError: 'subscription removed', subscriptionId: null });
    expect(receiver.of(browser.id)).toEqual([]);
  });

  it('refuses, at send time too, an endpoint that is not a known push service', async () => {
    // Kept before PUSH_ENDPOINT_HOSTS changed, say: the server never POSTs to an internal address.
    const browser = receiver.subscribe();
    const internal = browser.endpoint.replace(receiver.host, '127.0.0.1:5432');
    const saved = await savePushSubscription(user.id, { endpoint: internal, p256dh: browser.keys.p256dh, auth: browser.keys.auth, label: 'Test browser' });
    const id = await queue(saved.id, await notification());
    expect(await deliver(start)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'FAILED', lastError: 'the subscription is not at a known push service' });
  });

  it('claims a row whose sender’s claim lapsed, and only its own recipients’ rows when scoped', async () => {
    const browser = await subscribe();
    const lapsed = await prisma.pushDelivery.create({
      data: { notificationId: await notification(), subscriptionId: browser.subscriptionId, recipientId: user.id, status: 'SENDING', attempts: 1, nextAttemptAt: new Date(start) },
    });
    const stranger = await createUser();
    const theirs = await queue(null, await notification({ recipientId: stranger.id }), { recipientId: stranger.id });
    expect(await claimDuePush(new Date(start - 1), [user.id])).toBeNull(); // the claim has not lapsed yet
    expect(await claimDuePush(new Date(start), [user.id])).toMatchObject({ id: lapsed.id, attempts: 2 });
    expect(await row(lapsed.id)).toMatchObject({ status: 'SENDING', nextAttemptAt: new Date(start + PUSH_CLAIM_MS) });
    expect(await claimDuePush(new Date(start), [user.id])).toBeNull();
    expect(await row(theirs)).toMatchObject({ status: 'QUEUED', attempts: 0 });
  });

  it('purges sent and failed rows after 30 days, keeping queued ones', async () => {
    const notificationId = await notification();
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const make = (status: 'SENT' | 'FAILED' | 'QUEUED', createdAt: Date) =>
      prisma.pushDelivery.create({ data: { notificationId, recipientId: user.id, status, createdAt, nextAttemptAt: new Date(start) } });
    const [sent, failed, queued, recent] = await Promise.all([make('SENT', old), make('FAILED', old), make('QUEUED', old), make('SENT', new Date())]);
    expect(await purgeFinishedPush()).toBeGreaterThanOrEqual(2);
    const left = await prisma.pushDelivery.findMany({ where: { id: { in: [sent.id, failed.id, queued.id, recent.id] } }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([queued.id, recent.id].sort());
  });
});
