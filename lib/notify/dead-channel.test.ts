// Integration: one alert, three channels, one of them dead. The notification is in the app at once;
// a mail server refusing every message leaves the push to arrive (decrypted by the local push service,
// test/push-receiver.ts), and a push service failing leaves the e-mail to arrive (the SMTP server of this
// file). Deliveries run a year ahead on their own clock, scoped to this file's accounts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotifications } from '@/lib/data/notifications';
import { savePushSubscription } from '@/lib/data/push-subscriptions';
import { prisma } from '@/lib/db/client';
import { deliverDueMail } from '@/lib/mail/deliver';
import { smtpTransport } from '@/lib/mail/transport';
import { createUser } from '@/test/factories';
import { startPushReceiver, type Answer, type PushReceiver } from '@/test/push-receiver';
import { startSmtpServer, type TestSmtpServer } from '@/test/smtp-server';
import { deliverDuePush } from './push-delivery';

const AHEAD = new Date(Date.now() + 365 * 24 * 3600_000);
let smtp: TestSmtpServer;
let receiver: PushReceiver;

beforeAll(async () => {
  [smtp, receiver] = await Promise.all([startSmtpServer(), startPushReceiver()]);
  process.env.PUSH_ENDPOINT_HOSTS = receiver.host;
});
afterEach(() => smtp.refuseWith(null)); // a failed test must not leave the next one with a dead mail server
afterAll(async () => {
  await Promise.all([smtp.close(), receiver.close()]);
});

async function alertFor(answer: Answer) {
  const person = await createUser({ role: 'CAREGIVER' });
  const browser = receiver.subscribe(answer);
  await savePushSubscription(person.id, { endpoint: browser.endpoint, p256dh: browser.keys.p256dh, auth: browser.keys.auth, label: 'Phone' });
  const [id] = await prisma.$transaction((tx) =>
    createNotifications(tx, [{ recipientId: person.id, patientId: null, kind: 'emergency.GLUCOSE_LOW', isEmergency: true, title: 'Very low glucose', body: 'A glucose reading of 44 mg/dL was recorded.' }], AHEAD),
  );
  return { person, browser, id: id! };
}

const mail = (userId: string) => deliverDueMail({ transport: smtpTransport(smtp.url, 'Pulse <no-reply@pulse.test.example>'), now: () => AHEAD, userIds: [userId] });
const push = (userId: string) => deliverDuePush({ now: () => AHEAD, userIds: [userId], agent: receiver.agent, timeoutMs: 1000 });

describe('a dead channel blocks no other', () => {
  it('the mail server refuses everything: the push still arrives, the e-mail waits for its retry', async () => {
    const { person, browser, id } = await alertFor(201);
    smtp.refuseWith({ code: 421, message: 'Service not available', at: 'rcpt' });
    expect(await mail(person.id)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await push(person.id)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [got] = receiver.of(browser.id);
    const message = JSON.parse(got!.plaintext!) as { title: string; body: string };
    expect(message).toMatchObject({ title: 'Pulse alert', body: 'An alert needs your attention.', emergency: true });
    // No value outside the app (the url and tag carry a random id, which may well hold "44").
    expect(`${message.title} ${message.body}`).not.toContain('44');
    const stored = await prisma.notification.findUniqueOrThrow({ where: { id }, include: { mailMessages: true } });
    expect(stored.status).toBe('SENT');
    expect(stored.mailMessages.map((m) => [m.status, m.lastError?.includes('421')])).toEqual([['QUEUED', true]]);
  });

  it('the push service fails: the e-mail still goes, the push waits for its retry', async () => {
    const { person } = await alertFor(500);
    expect(await push(person.id)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await mail(person.id)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.some((m) => m.to.includes(person.email))).toBe(true);
  });
});
