// Integration: insights from seeded daily aggregates. refreshInsights (what the insights job runs) is
// called directly; the patient reads and answers insights through the API. One ACTIVE insight per kind,
// updated in place; answered insights are not raised again unless worse; new MEDIUM+ insights notify the
// patient within the daily cap of non-emergency notifications.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { newNotificationTexts } from '@/lib/data/notification-fields';
import { refreshInsights } from '@/lib/data/insights';
import { NON_EMERGENCY_DAILY_CAP, notifyPatient } from '@/lib/data/notifications';
import { addDays, localDate } from '@/lib/time';
import { createAggregate, createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

const TIME_ZONE = 'Europe/Berlin';
type Insight = { id: string; kind: string; severity: string; status: string; title: string; body: string; data: Record<string, number>; windowStart: string; windowEnd: string };

/** `days` daily resting heart rates ending yesterday (local: the last whole day, where the daily rules
 * end), rising by `slope` bpm per day. */
async function seedRestingHr(userId: string, opts: { days: number; slope: number; base?: number }) {
  await prisma.healthAggregate.deleteMany({ where: { userId, type: 'RESTING_HEART_RATE' } });
  const today = localDate(Date.now(), TIME_ZONE);
  for (let i = 0; i < opts.days; i++) {
    const day = addDays(today, i - opts.days);
    await createAggregate({ userId, type: 'RESTING_HEART_RATE', period: 'DAY', periodStart: day, value: (opts.base ?? 60) + opts.slope * i });
  }
}

const listInsights = (cookie?: string) => api<{ insights: Insight[] }>('/api/v1/users/me/insights', { cookie });
const answer = (id: string, action: string, cookie?: string) => api(`/api/v1/insights/${id}/${action}`, { method: 'POST', cookie });
const activeOf = (userId: string) => prisma.insight.findMany({ where: { userId, status: 'ACTIVE' } });
const insightNotifications = (userId: string) => prisma.notification.findMany({ where: { patientId: userId, isEmergency: false }, orderBy: { createdAt: 'asc' } });

describe('insights: raised, listed, updated in place', () => {
  it('21 days of resting heart rate rising 1 bpm/day raise one RESTING_HR_TREND insight; listing it records a view', async () => {
    const patient = await createSignedInUser({ timeZone: TIME_ZONE });
    await seedRestingHr(patient.id, { days: 21, slope: 1 });
    expect(await refreshInsights(patient.id)).toEqual({ active: 1, created: 1, resolved: 0 });

    const res = await listInsights(patient.cookie);
    expect(res.status).toBe(200);
    expect(res.body.insights).toHaveLength(1);
    const lastDay = addDays(localDate(Date.now(), TIME_ZONE), -1);
    expect(res.body.insights[0]).toMatchObject({
      kind: 'RESTING_HR_TREND',
      severity: 'MEDIUM',
      status: 'ACTIVE',
      title: 'Resting heart rate is rising',
      data: { slopePerDay: 1, changePerWeek: 7, days: 21 },
      windowStart: `${addDays(lastDay, -29)}T00:00:00.000Z`,
      windowEnd: `${lastDay}T00:00:00.000Z`,
    });
    const id = res.body.insights[0]!.id;
    expect(await prisma.insightInteraction.findMany({ where: { insightId: id }, select: { action: true, userId: true } })).toEqual([
      { action: 'VIEWED', userId: patient.id },
    ]);
    await listInsights(patient.cookie);
    expect(await prisma.insightInteraction.count({ where: { insightId: id, action: 'VIEWED' } })).toBe(2);

    // A new MEDIUM insight notifies the patient, once.
    const notes = await insightNotifications(patient.id);
    expect(notes.map((n) => [n.kind, n.insightId, n.recipientId, n.status])).toEqual([['insight.RESTING_HR_TREND', id, patient.id, 'SENT']]);
    const inbox = await api('/api/v1/notifications', { cookie: patient.cookie });
    expect(inbox.body.notifications.map((n: { insightId: string }) => n.insightId)).toEqual([id]);
  });

  it('refreshing again updates the insight in place: still one ACTIVE per kind, no second notification', async () => {
    const patient = await createSignedInUser({ timeZone: TIME_ZONE });
    await seedRestingHr(patient.id, { days: 21, slope: 1 });
    await refreshInsights(patient.id);
    const [first] = await activeOf(patient.id);

    await seedRestingHr(patient.id, { days: 21, slope: 0.8 });
    expect(await refreshInsights(patient.id)).toEqual({ active: 1, created: 0, resolved: 0 });
    const active = await activeOf(patient.id);
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ id: first!.id, severity: 'MEDIUM', data: { slopePerDay: 0.8, changePerWeek: 5.6, days: 21 } });
    expect(active[0]!.body).not.toContain('bpm'); // stored encrypted
    const [listed] = (await listInsights(patient.cookie)).body.insights;
    expect(listed!.body).toBe('Up about 5.6 bpm per week over the last 30 days (21 days of data).');
    expect(await prisma.insight.count({ where: { userId: patient.id } })).toBe(1);
    expect(await insightNotifications(patient.id)).toHaveLength(1);
  });

  it('a falling trend is a LOW insight: stored, but no notification', async () => {
    const patient = await createSignedInUser({ timeZone: TIME_ZONE });
    await seedRestingHr(patient.id, { days: 21, slope: -1, base: 80 });
    expect(await refreshInsights(patient.id)).toMatchObject({ created: 1 });
    expect((await activeOf(patient.id)).map((i) => [i.kind, i.severity])).toEqual([['RESTING_HR_TREND', 'LOW']]);
    expect(await insightNotifications(patient.id)).toEqual([]);
  });

  it('when the condition stops holding the insight is RESOLVED', async () => {
    const patient = await createSignedInUser({ timeZone: TIME_ZONE });
    await seedRestingHr(patient.id, { days: 21, slope: 1 });
    await refreshInsights(patient.id);
    const [insight] = await activeOf(patient.id);

    await seedRestingHr(patient.id, { days: 21, slope: 0 });
    expect(await refreshInsights(patient.id)).toEqual({ active: 0, created: 0, resolved: 1 });
    expect((await prisma.insight.findUniqueOrThrow({ where: { id: insight!.id } })).status).toBe('RESOLVED');
    expect((await listInsights(patient.cookie)).body.insights).toEqual([]);
  });
});

describe('insights: the patient answers', () => {
  it('dismiss: recorded, no longer listed, not raised again at the same severity, raised again when worse', async () => {
    const patient = await createSignedInUser({ timeZone: TIME_ZONE });
    await seedRestingHr(patient.id, { days: 21, slope: 1 });
    await refreshInsights(patient.id);
    const [insight] = await activeOf(patient.id);

    const res = await answer(insight!.id, 'dismiss', patient.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: insight!.id, status: 'DISMISSED' });
    expect(await prisma.insightInteraction.count({ where: { insightId: insight!.id, action: 'DISMISSED' } })).toBe(1);
    expect((await listInsights(patient.cookie)).body.insights).toEqual([]);

    expect(await refreshInsights(patient.id)).toEqual({ active: 0, created: 0, resolved: 0 });
    expect(await activeOf(patient.id)).toEqual([]);

    // Steeper than 1 bpm/day is HIGH: worse than what was dismissed, so it is raised (and notified).
    await seedRestingHr(patient.id, { days: 21, slope: 1.5 });
    expect(await refreshInsights(patient.id)).toMatchObject({ active: 1, created: 1 });
    const [worse] = await activeOf(patient.id);
    expect(worse).toMatchObject({ kind: 'RESTING_HR_TREND', severity: 'HIGH' });
    expect(worse!.id).not.toBe(insight!.id);
    expect((await insightNotifications(patient.id)).map((n) => n.insightId)).toEqual([insight!.id, worse!.id]);
  });

  it('acknowledge: recorded, not raised again at the same severity; answering twice is harmless', async () => {
    const patient = await createSignedInUser({ timeZone: TIME_ZONE });
    await seedRestingHr(patient.id, { days: 21, slope: 1 });
    await refreshInsights(patient.id);
    const [insight] = await activeOf(patient.id);

    const res = await answer(insight!.id, 'acknowledge', patient.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: insight!.id, status: 'ACKNOWLEDGED' });
    expect((await prisma.insight.findUniqueOrThrow({ where: { id: insight!.id } })).status).toBe('ACKNOWLEDGED');
    expect(await prisma.insightInteraction.count({ where: { insightId: insight!.id, action: 'ACKNOWLEDGED' } })).toBe(1);
    expect((await answer(insight!.id, 'acknowledge', patient.cookie)).status).toBe(200);
    expect(await prisma.insightInteraction.count({ where: { insightId: insight!.id, action: 'ACKNOWLEDGED' } })).toBe(1);

    expect(await refreshInsights(patient.id)).toMatchObject({ active: 0, created: 0 });
  });

  it('another user’s insight is 404; unknown actions and ids 404; non-patients 403; anonymous 401', async () => {
    const [patient, other, doctor] = await Promise.all([
      createSignedInUser({ timeZone: TIME_ZONE }),
      createSignedInUser(),
      createSignedInUser({ role: 'DOCTOR' }),
    ]);
    await seedRestingHr(patient.id, { days: 21, slope: 1 });
    await refreshInsights(patient.id);
    const [insight] = await activeOf(patient.id);

    for (const action of ['acknowledge', 'dismiss']) {
      const res = await answer(insight!.id, action, other.cookie);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await listInsights(other.cookie)).body.insights).toEqual([]);
    expect((await answer(insight!.id, 'snooze', patient.cookie)).status).toBe(404);
    expect((await answer('not-a-uuid', 'dismiss', patient.cookie)).status).toBe(404);
    expect((await answer(randomUUID(), 'dismiss', patient.cookie)).status).toBe(404);

    expect((await listInsights(doctor.cookie)).status).toBe(403);
    expect((await answer(insight!.id, 'dismiss', doctor.cookie)).status).toBe(403);
    expect((await listInsights()).status).toBe(401);
    expect((await answer(insight!.id, 'dismiss')).status).toBe(401);

    expect((await prisma.insight.findUniqueOrThrow({ where: { id: insight!.id } })).status).toBe('ACTIVE');
    expect(await prisma.insightInteraction.count({ where: { insightId: insight!.id } })).toBe(0);
  });
});

describe('non-emergency notifications: at most 5 per patient per rolling day', () => {
  const message = (i: number) => ({ kind: 'test.reminder', title: `Reminder ${i}`, body: 'Time to check in.' });

  it('the cap holds for insights too; emergencies do not count; notifications older than a day do not count', async () => {
    const patient = await createSignedInUser({ timeZone: TIME_ZONE });
    expect(NON_EMERGENCY_DAILY_CAP).toBe(5);
    await prisma.notification.create({
      data: { ...(await newNotificationTexts(patient.id, { title: 't', body: 'b' })), recipientId: patient.id, patientId: patient.id, kind: 'emergency.GLUCOSE_LOW', isEmergency: true, status: 'SENT', sentAt: new Date() },
    });
    for (let i = 0; i < 5; i++) expect(await notifyPatient({ patientId: patient.id, message: message(i) })).toBe(true);
    expect(await notifyPatient({ patientId: patient.id, message: message(5) })).toBe(false);

    // A new MEDIUM insight is still stored, but its notification is over the cap.
    await seedRestingHr(patient.id, { days: 21, slope: 1 });
    expect(await refreshInsights(patient.id)).toMatchObject({ created: 1 });
    const notes = await insightNotifications(patient.id);
    expect(notes).toHaveLength(5);
    expect(notes.some((n) => n.insightId !== null)).toBe(false);

    // The day rolls: notifications older than 24 hours no longer count.
    await prisma.notification.updateMany({ where: { patientId: patient.id, isEmergency: false }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    expect(await notifyPatient({ patientId: patient.id, message: message(6) })).toBe(true);
  });

  it('concurrent senders cannot pass the cap together', async () => {
    const patient = await createSignedInUser();
    for (let i = 0; i < 4; i++) await notifyPatient({ patientId: patient.id, message: message(i) });
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => notifyPatient({ patientId: patient.id, message: message(10 + i) })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await prisma.notification.count({ where: { patientId: patient.id } })).toBe(5);
  });
});
