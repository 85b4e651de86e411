// Integration: the notification center's routes — GET /api/v1/notifications (shape, filters, paging),
// GET …/unread-count, POST …/{id}/read and POST …/read-all. Each caller sees and marks only their own
// delivered notifications; anyone else's is "not found"; a bad query parameter is a 400 naming it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { newNotificationTexts } from '@/lib/data/notification-fields';
import { createDevice, createSignedInUser, linkCare, setDisplayName, syncSamples, waitFor } from '@/test/factories';
import { api } from '@/test/http';

type Listed = {
  id: string; kind: string; category: string; isEmergency: boolean; status: string; read: boolean; title: string; body: string;
  patientId: string | null; patientName: string | null; emergencyEventId: string | null; href: string | null;
  readAt: string | null; sentAt: string | null; emergency?: { status: string; acknowledgedAt: string | null; acknowledgedByName: string | null };
};
type Page = { notifications: Listed[]; unread: number; nextBefore: string | null };

const T0 = Date.now() - 3600_000; // every row is placed by minutes after this, so none depends on the clock's hour

async function createNotification(recipientId: string, opts: {
  status?: 'SENT' | 'SCHEDULED' | 'READ'; title?: string; minutesAgo?: number; sentAtMs?: number; kind?: string; patientId?: string; emergencyEventId?: string;
} = {}) {
  const status = opts.status ?? 'SENT';
  const at = new Date(opts.sentAtMs ?? Date.now() - (opts.minutesAgo ?? 0) * 60_000);
  const patientId = opts.patientId ?? recipientId;
  const texts = await newNotificationTexts(patientId, { title: opts.title ?? 'Hello', body: 'A test notification.' });
  return prisma.notification.create({
    data: {
      ...texts,
      recipientId,
      patientId,
      kind: opts.kind ?? 'test.notice',
      isEmergency: (opts.kind ?? '').startsWith('emergency.'),
      emergencyEventId: opts.emergencyEventId ?? null,
      status,
      createdAt: at,
      sentAt: status === 'SCHEDULED' ? null : at,
      scheduledFor: status === 'SCHEDULED' ? new Date(Date.now() + 3600_000) : null,
      readAt: status === 'READ' ? at : null,
    },
  });
}

const list = (cookie?: string, query = '') => api<Page>(`/api/v1/notifications${query}`, { cookie });
const markRead = (id: string, cookie?: string) => api(`/api/v1/notifications/${id}/read`, { method: 'POST', cookie });
const unreadCount = (cookie?: string) => api<{ unread: number; emergencies: number }>('/api/v1/notifications/unread-count', { cookie });
const readAll = (cookie?: string, query = '') => api<{ marked: number }>(`/api/v1/notifications/read-all${query}`, { method: 'POST', cookie });

describe('notifications', () => {
  it('lists the caller’s own delivered notifications, newest first; not scheduled ones, not anyone else’s', async () => {
    const [user, other] = await Promise.all([createSignedInUser(), createSignedInUser({ role: 'DOCTOR' })]);
    const older = await createNotification(user.id, { title: 'older', minutesAgo: 30 });
    const newer = await createNotification(user.id, { title: 'newer', minutesAgo: 1 });
    const read = await createNotification(user.id, { title: 'read', status: 'READ', minutesAgo: 60 });
    await createNotification(user.id, { title: 'scheduled', status: 'SCHEDULED' });
    const others = await createNotification(other.id, { title: 'someone else' });

    const res = await list(user.cookie);
    expect(res.status).toBe(200);
    expect(res.body.notifications.map((n) => n.id)).toEqual([newer.id, older.id, read.id]);
    expect(res.body.notifications[0]).toMatchObject({ kind: 'test.notice', status: 'SENT', read: false, title: 'newer', readAt: null });
    expect(res.body.notifications[2]).toMatchObject({ status: 'READ', read: true });
    expect(res.body).toMatchObject({ unread: 2, nextBefore: null });

    const theirs = await list(other.cookie);
    expect(theirs.body.notifications.map((n) => n.id)).toEqual([others.id]);
    expect((await list()).status).toBe(401);
  });

  it('marks one read; marking it again is harmless', async () => {
    const user = await createSignedInUser();
    const note = await createNotification(user.id);
    const res = await markRead(note.id, user.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: note.id, status: 'READ' });
    const stored = await prisma.notification.findUniqueOrThrow({ where: { id: note.id } });
    expect(stored.status).toBe('READ');
    expect(stored.readAt).not.toBeNull();
    expect((await list(user.cookie)).body.notifications[0]).toMatchObject({ id: note.id, status: 'READ', read: true });

    const again = await markRead(note.id, user.cookie);
    expect(again.status).toBe(200);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toEqual(stored.readAt);
  });

  it('another user’s notification, a scheduled one, an unknown or malformed id: 404; anonymous: 401', async () => {
    const [user, other] = await Promise.all([createSignedInUser(), createSignedInUser()]);
    const theirs = await createNotification(other.id);
    const scheduled = await createNotification(user.id, { status: 'SCHEDULED' });

    const res = await markRead(theirs.id, user.cookie);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe('SENT');

    expect((await markRead(scheduled.id, user.cookie)).status).toBe(404);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: scheduled.id } })).status).toBe('SCHEDULED');
    expect((await markRead(randomUUID(), user.cookie)).status).toBe(404);
    expect((await markRead('not-a-uuid', user.cookie)).status).toBe(404);
    expect((await markRead(theirs.id)).status).toBe(401);
  });
});

describe('the list: categories, links per reader, emergencies', () => {
  it('tells each reader what it is about and where it leads; a carer whose link ended gets no link and no live state', async () => {
    const [patient, doctor, caregiver, formerCaregiver, admin] = await Promise.all([
      createSignedInUser(),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'ADMIN' }),
    ]);
    await Promise.all([setDisplayName(patient.id, 'Alex Tester'), setDisplayName(caregiver.id, 'Casey Carer')]);
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: true, canReceiveAlerts: true } });
    await linkCare({ patientId: patient.id, carerId: formerCaregiver.id, kind: 'CAREGIVER', revoked: true });
    const event = await prisma.emergencyEvent.create({
      data: { patientId: patient.id, kind: 'GLUCOSE_LOW', details: { mgdl: 45, thresholdMgDl: 54 }, detectedAt: new Date(T0) },
    });
    const emergencyFor = (recipientId: string) =>
      createNotification(recipientId, { kind: 'emergency.GLUCOSE_LOW', patientId: patient.id, emergencyEventId: event.id, sentAtMs: T0 + 60_000 });
    const [own, forDoctor, forCaregiver, forFormer] = await Promise.all([patient.id, doctor.id, caregiver.id, formerCaregiver.id].map(emergencyFor));
    const insight = await createNotification(patient.id, { kind: 'insight.SLEEP_DEFICIT', sentAtMs: T0 });
    const digest = await createNotification(doctor.id, { kind: 'digest.daily', patientId: doctor.id, sentAtMs: T0 + 120_000 });
    const reminder = await createNotification(caregiver.id, { kind: 'medication.reminder', patientId: patient.id, sentAtMs: T0 + 30_000 });

    const mine = (await list(patient.cookie)).body.notifications;
    expect(mine.map((n) => n.id)).toEqual([own.id, insight.id]);
    expect(mine[0]).toMatchObject({
      kind: 'emergency.GLUCOSE_LOW', category: 'emergency', isEmergency: true, patientId: patient.id, patientName: null, emergencyEventId: event.id,
      href: '/dashboard', emergency: { status: 'OPEN', acknowledgedAt: null, acknowledgedByName: null },
    });
    expect(mine[1]).toMatchObject({ category: 'insight', href: '/dashboard', patientName: null });
    expect(mine[1]).not.toHaveProperty('emergency');

    const doctors = (await list(doctor.cookie)).body.notifications;
    expect(doctors.map((n) => [n.id, n.category, n.href, n.patientName])).toEqual([
      [digest.id, 'digest', '/doctor', null],
      [forDoctor.id, 'emergency', `/doctor/patients/${patient.id}`, 'Alex Tester'],
    ]);

    const carers = (await list(caregiver.cookie)).body.notifications;
    expect(carers.map((n) => [n.id, n.category, n.href, n.patientName])).toEqual([
      [forCaregiver.id, 'emergency', `/caregiver/patients/${patient.id}`, 'Alex Tester'],
      [reminder.id, 'medication', `/caregiver/patients/${patient.id}/medications`, 'Alex Tester'], // a reminder leads to where doses are logged
    ]);

    const former = (await list(formerCaregiver.cookie)).body.notifications;
    expect(former).toHaveLength(1);
    expect(former[0]).toMatchObject({ id: forFormer.id, href: null, patientName: 'Alex Tester' });
    expect(former[0]).not.toHaveProperty('emergency');
    expect((await list(admin.cookie)).body).toEqual({ notifications: [], unread: 0, nextBefore: null });

    // The caregiver acknowledges (the existing route); every reader who may act on it sees who did.
    expect((await api(`/api/v1/emergencies/${event.id}/acknowledge`, { method: 'POST', cookie: caregiver.cookie })).status).toBe(200);
    for (const reader of [patient, doctor, caregiver]) {
      const item = (await list(reader.cookie, '?category=emergency')).body.notifications[0]!;
      expect(item.emergency).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedByName: 'Casey Carer' });
      expect(Date.parse(item.emergency!.acknowledgedAt!)).toBeGreaterThan(T0);
    }
  });

  it('filters by category and by unread', async () => {
    const user = await createSignedInUser();
    const rows = {
      emergency: await createNotification(user.id, { kind: 'emergency.GLUCOSE_HIGH', sentAtMs: T0 + 5 * 60_000 }),
      insight: await createNotification(user.id, { kind: 'insight.STEPS_DROP', sentAtMs: T0 + 4 * 60_000, status: 'READ' }),
      other: await createNotification(user.id, { kind: 'test.notice', sentAtMs: T0 + 3 * 60_000 }),
      medication: await createNotification(user.id, { kind: 'medication.reminder', sentAtMs: T0 + 2 * 60_000 }),
      digest: await createNotification(user.id, { kind: 'digest.daily', sentAtMs: T0 + 60_000, status: 'READ' }),
    };
    const ids = async (query: string) => (await list(user.cookie, query)).body.notifications.map((n) => n.id);
    expect(await ids('?category=emergency')).toEqual([rows.emergency.id]);
    // Kinds outside the four categories read as insights, as lib/notify/preferences.ts categoryOf says.
    expect(await ids('?category=insight')).toEqual([rows.insight.id, rows.other.id]);
    expect(await ids('?category=medication')).toEqual([rows.medication.id]);
    expect(await ids('?category=digest')).toEqual([rows.digest.id]);
    expect(await ids('?unread=true')).toEqual([rows.emergency.id, rows.other.id, rows.medication.id]);
    expect(await ids('?unread=false')).toHaveLength(5);
    expect(await ids('?unread=true&category=insight')).toEqual([rows.other.id]);
    // `unread` is the caller's whole unread count, whatever the filter.
    expect((await list(user.cookie, '?category=digest')).body.unread).toBe(3);
  });

  it('pages newest first with nextBefore, ties on the same instant broken by id, nothing skipped or repeated', async () => {
    const user = await createSignedInUser();
    const same = T0 + 10 * 60_000;
    const tied = await Promise.all([1, 2, 3].map(() => createNotification(user.id, { sentAtMs: same })));
    const created = [
      ...tied.sort((a, b) => (a.id < b.id ? 1 : -1)), // PostgreSQL orders uuids as their hex text
      await createNotification(user.id, { sentAtMs: T0 + 5 * 60_000 }),
      await createNotification(user.id, { sentAtMs: T0 }),
    ];
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pageNo = 0; pageNo < 3; pageNo++) {
      const res: Awaited<ReturnType<typeof list>> = await list(user.cookie, `?limit=2${cursor ? `&before=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.notifications.map((n) => n.id));
      cursor = res.body.nextBefore;
      if (pageNo < 2) expect(cursor).toEqual(expect.any(String));
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(created.map((n) => n.id));
    expect((await list(user.cookie, '?limit=100')).body.notifications).toHaveLength(5);
    expect((await list(user.cookie)).body.nextBefore).toBeNull(); // the default page (50) holds them all
  });

  it('a bad query parameter is a 400 naming it and why', async () => {
    const user = await createSignedInUser();
    const cases: [string, string][] = [
      ['?unread=yes', 'unread'],
      ['?category=alarm', 'category'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?limit=2.5', 'limit'],
      ['?before=not-a-cursor', 'before'],
      [`?before=${Buffer.from(JSON.stringify([Date.now(), 'x'])).toString('base64url')}`, 'before'],
    ];
    for (const [query, field] of cases) {
      const res = await list(user.cookie, query);
      expect(res.status, query).toBe(400);
      expect((res.body as unknown as { error: unknown }).error, query).toMatchObject({ code: 'BAD_REQUEST', details: [{ field, reason: expect.any(String) }] });
      expect((res.body as unknown as { error: { message: string } }).error.message, query).toContain(field);
    }
  });
});

describe('unread count and mark all read', () => {
  it('counts the caller’s unread delivered notifications and the emergencies among them', async () => {
    const [user, other] = await Promise.all([createSignedInUser({ role: 'CAREGIVER' }), createSignedInUser()]);
    expect((await unreadCount(user.cookie)).body).toEqual({ unread: 0, emergencies: 0 });
    await createNotification(user.id, { kind: 'emergency.GLUCOSE_LOW', minutesAgo: 2 });
    await createNotification(user.id, { minutesAgo: 1 });
    await createNotification(user.id, { status: 'READ', kind: 'emergency.GLUCOSE_LOW' });
    await createNotification(user.id, { status: 'SCHEDULED', kind: 'emergency.GLUCOSE_LOW' });
    await createNotification(other.id, { kind: 'emergency.GLUCOSE_LOW' });
    const res = await unreadCount(user.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unread: 2, emergencies: 1 });
    expect((await unreadCount()).status).toBe(401);
  });

  it('marks all of the caller’s unread ones read and nobody else’s; by category; only those delivered by `through`', async () => {
    const [user, other] = await Promise.all([createSignedInUser({ role: 'DOCTOR' }), createSignedInUser()]);
    const emergency = await createNotification(user.id, { kind: 'emergency.GLUCOSE_LOW', sentAtMs: T0 + 3 * 60_000 });
    const early = await createNotification(user.id, { sentAtMs: T0 });
    const late = await createNotification(user.id, { sentAtMs: T0 + 2 * 60_000 });
    const alreadyRead = await createNotification(user.id, { status: 'READ', sentAtMs: T0 - 60_000 });
    const scheduled = await createNotification(user.id, { status: 'SCHEDULED' });
    const theirs = await createNotification(other.id, { sentAtMs: T0 });
    const statusOf = async (id: string) => (await prisma.notification.findUniqueOrThrow({ where: { id } })).status;

    const byCategory = await readAll(user.cookie, `?category=insight&through=${new Date(T0 + 60_000).toISOString()}`);
    expect(byCategory.status).toBe(200);
    expect(byCategory.body).toEqual({ marked: 1 });
    expect([await statusOf(early.id), await statusOf(late.id), await statusOf(emergency.id)]).toEqual(['READ', 'SENT', 'SENT']);

    const before = (await prisma.notification.findUniqueOrThrow({ where: { id: alreadyRead.id } })).readAt;
    expect((await readAll(user.cookie)).body).toEqual({ marked: 2 });
    expect([await statusOf(late.id), await statusOf(emergency.id), await statusOf(scheduled.id), await statusOf(theirs.id)]).toEqual(['READ', 'READ', 'SCHEDULED', 'SENT']);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: alreadyRead.id } })).readAt).toEqual(before);
    expect((await unreadCount(user.cookie)).body).toEqual({ unread: 0, emergencies: 0 });
    expect((await readAll(user.cookie)).body).toEqual({ marked: 0 });
    expect((await unreadCount(other.cookie)).body).toEqual({ unread: 1, emergencies: 0 });
  });

  it('refuses a bad parameter (changing nothing) and anonymous callers', async () => {
    const user = await createSignedInUser();
    const note = await createNotification(user.id);
    for (const [query, field] of [['?category=alarm', 'category'], ['?through=yesterday', 'through'], ['?through=2026-01-01T00:00:00', 'through']]) {
      const res = await readAll(user.cookie, query);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST', details: [{ field }] } });
    }
    expect((await readAll()).status).toBe(401);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: note.id } })).status).toBe('SENT');
  });
});

describe('end to end: a low synced by the patient’s meter reaches the caregiver’s notification center', () => {
  it('the alert caregiver’s bell count rises and the list leads to the patient, with the episode open', async () => {
    const [patient, caregiver] = await Promise.all([createSignedInUser(), createSignedInUser({ role: 'CAREGIVER' })]);
    await setDisplayName(patient.id, 'Robin Low');
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: true, canReceiveAlerts: true } });
    const meter = await createDevice(patient.id, 'glucometer', 'Meter');
    const at = new Date(Date.now() - 5 * 60_000).toISOString();
    await syncSamples(meter, [{ type: 'BLOOD_GLUCOSE', value: 45, unit: 'mg/dL', startDate: at, endDate: at }]);

    const count = await waitFor(async () => {
      const res = await unreadCount(caregiver.cookie);
      return res.body.unread > 0 ? res.body : undefined;
    }, 'the caregiver’s unread count to rise');
    expect(count).toEqual({ unread: 1, emergencies: 1 });
    const [item] = (await list(caregiver.cookie)).body.notifications;
    expect(item).toMatchObject({
      kind: 'emergency.GLUCOSE_LOW', category: 'emergency', read: false, patientId: patient.id, patientName: 'Robin Low',
      href: `/caregiver/patients/${patient.id}`, emergency: { status: 'OPEN', acknowledgedByName: null },
    });
  });
});
