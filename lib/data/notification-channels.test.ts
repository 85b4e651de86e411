// Integration (real database, a real SMTP server in this process): how a notification leaves the app.
// Channels follow the recipient's preferences; e-mail and pushes are queued in the same transaction;
// quiet hours hold non-emergencies until they end; the daily cap counts notifications, not channels;
// outside the app nothing but "something needs your attention" unless the person opted in to values.
// Everything runs a year ahead on its own clock, and only this file's accounts' mail is delivered, so
// the test server's mail job (real clock) never takes these messages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { deliverDueMail } from '@/lib/mail/deliver';
import { smtpTransport } from '@/lib/mail/transport';
import { createUser, setDisplayName } from '@/test/factories';
import { startSmtpServer, type TestSmtpServer } from '@/test/smtp-server';
import { createNotifications, NON_EMERGENCY_DAILY_CAP, type NewNotification } from './notifications';

const YEAR_MS = 365 * 24 * 3600_000;
// 2027-06-15 23:30 UTC = 05:00 in Asia/Kolkata, a year ahead of any real clock in these tests' lifetime.
const NIGHT = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 15, 23, 30));
const FROM = 'Pulse <no-reply@pulse.test.example>';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const subscribe = (userId: string) =>
  prisma.pushSubscription.create({ data: { userId, endpointHash: randomUUID(), endpoint: 'x', p256dh: 'x', auth: 'x' }, select: { id: true } });

const insight = (recipientId: string, extra: Partial<NewNotification> = {}): NewNotification => ({
  recipientId, patientId: recipientId, kind: 'insight.RESTING_HR_TREND', isEmergency: false, title: 'Resting heart rate rising', body: 'Up 9 bpm over 3 weeks.', ...extra,
});

const store = (items: NewNotification[], now = NIGHT) => prisma.$transaction((tx) => createNotifications(tx, items, now));

describe('channels', () => {
  it('emergency: in-app, e-mail and push at once, even in quiet hours; an insight waits for the end of the quiet hours', async () => {
    const person = await createUser({ timeZone: 'Asia/Kolkata' });
    await subscribe(person.id);
    await prisma.userPreferences.update({ where: { userId: person.id }, data: { quietHoursStart: 22 * 60, quietHoursEnd: 7 * 60 } });
    const [alarm] = await store([{ ...insight(person.id), kind: 'emergency.GLUCOSE_LOW', isEmergency: true }]);
    const [news] = await store([insight(person.id)]);
    const rows = await prisma.notification.findMany({ where: { id: { in: [alarm!, news!] } }, include: { mailMessages: true, pushDeliveries: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(alarm!)).toMatchObject({ status: 'SENT', channels: ['EMAIL', 'PUSH'] });
    expect(byId.get(alarm!)!.mailMessages.map((m) => [m.template, m.nextAttemptAt.getTime()])).toEqual([['alert', NIGHT.getTime()]]);
    expect(byId.get(alarm!)!.pushDeliveries.map((d) => d.nextAttemptAt.getTime())).toEqual([NIGHT.getTime()]);
    // 05:00 in Kolkata: the insight's e-mail waits until 07:00 there (01:30 UTC); in-app it is there now.
    const seven = Date.UTC(NIGHT.getUTCFullYear(), 5, 16, 1, 30);
    expect(byId.get(news!)).toMatchObject({ status: 'SENT', channels: ['EMAIL'] });
    expect(byId.get(news!)!.mailMessages.map((m) => [m.template, m.nextAttemptAt.getTime()])).toEqual([['notification', seven]]);
    expect(byId.get(news!)!.pushDeliveries).toEqual([]);
  });

  it('follows the person’s choices: none beyond in-app for insights; no e-mail to an unverified address; nothing for a disabled account', async () => {
    const [choosy, unverified, disabled] = await Promise.all([createUser(), createUser(), createUser({ disabled: true })]);
    await prisma.userPreferences.update({ where: { userId: choosy.id }, data: { notificationChannels: { insight: [] } } });
    await prisma.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
    const ids = await store([insight(choosy.id), insight(unverified.id), insight(disabled.id)]);
    expect(ids).toHaveLength(2);
    const rows = await prisma.notification.findMany({ where: { id: { in: ids } }, include: { mailMessages: true } });
    expect(rows.map((r) => [r.channels, r.mailMessages.length])).toEqual([[[], 0], [[], 0]]);
  });

  it(`the cap of ${NON_EMERGENCY_DAILY_CAP} non-emergency notifications a day holds across channels; emergencies and digests pass`, async () => {
    const person = await createUser();
    await subscribe(person.id);
    await prisma.userPreferences.update({ where: { userId: person.id }, data: { notificationChannels: { insight: ['EMAIL', 'PUSH'] } } });
    const stored = await store(Array.from({ length: NON_EMERGENCY_DAILY_CAP + 2 }, () => insight(person.id)));
    expect(stored).toHaveLength(NON_EMERGENCY_DAILY_CAP);
    expect(await prisma.mailMessage.count({ where: { userId: person.id } })).toBe(NON_EMERGENCY_DAILY_CAP);
    expect(await prisma.pushDelivery.count({ where: { recipientId: person.id } })).toBe(NON_EMERGENCY_DAILY_CAP);
    const more = await store([
      { ...insight(person.id), kind: 'emergency.GLUCOSE_LOW', isEmergency: true },
      { ...insight(person.id), kind: 'digest.daily', patientId: null },
      insight(person.id),
    ]);
    expect(more).toHaveLength(2);
    // A day later the cap has room again.
    expect(await store([insight(person.id)], new Date(NIGHT.getTime() + 24 * 3600_000 + 1000))).toHaveLength(1);
  });
});

describe('privacy outside the app', () => {
  it('a canary value in a notification reaches the e-mail only for a person who opted in', async () => {
    const [patient, carer, optedIn] = await Promise.all([createUser(), createUser({ role: 'CAREGIVER' }), createUser({ role: 'CAREGIVER' })]);
    await setDisplayName(patient.id, 'Alex');
    await prisma.userPreferences.update({ where: { userId: optedIn.id }, data: { valuesInMessages: true } });
    const canary = `CANARY-${randomUUID().slice(0, 8)}`;
    const alarm = (recipientId: string): NewNotification => ({
      recipientId, patientId: patient.id, kind: 'emergency.GLUCOSE_LOW', isEmergency: true, title: 'Very low glucose', body: `A glucose reading of 41 mg/dL (${canary}) was recorded.`,
    });
    await store([alarm(carer.id), alarm(optedIn.id), alarm(patient.id)]);
    const sent = await deliverDueMail({ transport: smtpTransport(smtp.url, FROM), now: () => new Date(NIGHT.getTime() + YEAR_MS), userIds: [patient.id, carer.id, optedIn.id] });
    expect(sent).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const to = (email: string) => smtp.received.find((m) => m.to.includes(email))!;
    for (const [email, shows] of [[carer.email, false], [patient.email, false], [optedIn.email, true]] as const) {
      const mail = to(email);
      expect(mail.raw.includes(canary), email).toBe(shows);
      expect(mail.raw.includes('41 mg/dL'), email).toBe(shows);
      expect(mail.headers.get('subject')).toBe('Pulse alert: please open the app');
    }
    expect(to(carer.email).parts.get('text/plain')).toContain('An alert about Alex needs your attention.');
    expect(to(patient.email).parts.get('text/plain')).toContain('An alert needs your attention.');
    expect(to(carer.email).parts.get('text/plain')).toMatch(/\/notifications#n-[0-9a-f-]{36}/);
  });
});
