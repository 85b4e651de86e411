// Integration (real PostgreSQL, clock pinned through `now`): daily digests. When one is due (08:00 in the
// reader's zone: Asia/Kolkata's half hour, New York across both DST changes), what a doctor's says (triage
// groups and names, the window's alerts unless the doctor chose NONE for that patient, the quiet ones
// counted, never a health value) and a caregiver's (only with the opt-in, alerts only with alert
// permission). The pinned days lie months before the real clock, so the test server's own digest cron,
// which looks back at most 7 days, never sees this data.
import { beforeAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import type { EmergencyKind, HealthType } from '@/lib/generated/prisma/enums';
import { createDevice, createUser, linkCare, setDisplayName } from '@/test/factories';
import { decryptMailFields } from '@/lib/mail/fields';
import { buildDigest, digestSlot, dueWindow, findDigestRecipients, sendDailyDigests, type DigestWindow } from './digests';
import { withNotificationTexts } from './notification-fields';
import { ensureSamplePartitions } from './partitions';

const HOUR_MS = 3_600_000;
const at = (iso: string) => new Date(iso);
// Kolkata is UTC+05:30: 08:00 IST on 10 February 2026 is 02:30 UTC.
const SLOT = at('2026-02-10T02:30:00Z');
const before = (ms: number) => new Date(SLOT.getTime() - ms);
const CANARY_MGDL = 43.21; // a glucose value that must never appear in a digest

type User = { id: string };
let doctor: User;
let otherDoctor: User;
const ids: Record<string, string> = {};

async function samples(userId: string, rows: { type: HealthType; at: Date; value: number }[]) {
  const device = await createDevice(userId, 'glucometer');
  await ensureSamplePartitions(pool(), rows.map((r) => r.at.getTime()));
  await prisma.healthSample.createMany({ data: rows.map((r) => ({ userId, deviceId: device.id, type: r.type, startAt: r.at, endAt: r.at, value: r.value })) });
}

async function patientOf(carer: User, key: string, name: string, link: { kind?: 'DOCTOR' | 'CAREGIVER'; alertDelivery?: 'IMMEDIATE' | 'DAILY_DIGEST' | 'NONE' } = {}) {
  const user = await createUser({ timeZone: 'Europe/London' });
  await setDisplayName(user.id, name);
  const created = await linkCare({ patientId: user.id, carerId: carer.id, kind: link.kind ?? 'DOCTOR' });
  if (link.alertDelivery) await prisma.careRelationship.update({ where: { id: created.id }, data: { alertDelivery: link.alertDelivery } });
  ids[key] = user.id;
  return user.id;
}

function emergency(patientId: string, kind: EmergencyKind, detectedAt: Date, state: { acknowledged?: boolean; resolved?: boolean } = {}) {
  return prisma.emergencyEvent.create({
    data: {
      patientId, kind, details: kind === 'BLOOD_PRESSURE_CRISIS' ? { systolic: 201, diastolic: 121 } : { mgdl: CANARY_MGDL }, detectedAt,
      status: state.resolved ? 'RESOLVED' : state.acknowledged ? 'ACKNOWLEDGED' : 'OPEN',
      acknowledgedAt: state.acknowledged ? new Date(detectedAt.getTime() + 60_000) : null,
      resolvedAt: state.resolved ? new Date(detectedAt.getTime() + HOUR_MS) : null,
    },
  });
}

/** The text with its links taken out (ids are hex: they may hold any digits). */
const withoutLinks = (t: { title: string; body: string }) => `${t.title}\n${t.body}`.replace(/https?:\/\/\S+/g, '');

/** The first window of a Kolkata reader at 08:00 IST (no digest before). */
const firstWindow = (): DigestWindow => dueWindow({ timeZone: 'Asia/Kolkata', lastDigestAt: null }, SLOT)!;

beforeAll(async () => {
  [doctor, otherDoctor] = await Promise.all([createUser({ role: 'DOCTOR', timeZone: 'Asia/Kolkata' }), createUser({ role: 'DOCTOR', timeZone: 'Asia/Kolkata' })]);

  const alex = await patientOf(doctor, 'alex', 'Alex Kumar', { alertDelivery: 'DAILY_DIGEST' });
  await emergency(alex, 'GLUCOSE_LOW', before(10 * HOUR_MS), { acknowledged: true, resolved: true });
  await emergency(alex, 'GLUCOSE_LOW', before(2 * HOUR_MS));
  await emergency(alex, 'GLUCOSE_HIGH', before(30 * HOUR_MS), { resolved: true }); // before the window
  await samples(alex, [{ type: 'BLOOD_GLUCOSE', at: before(2 * HOUR_MS), value: CANARY_MGDL }]);

  const priya = await patientOf(doctor, 'priya', 'Priya Patel', { alertDelivery: 'NONE' });
  await emergency(priya, 'BLOOD_PRESSURE_CRISIS', before(3 * HOUR_MS), { acknowledged: true, resolved: true });
  await samples(priya, [{ type: 'HEART_RATE', at: before(3 * HOUR_MS), value: 71 }]);

  const nia = await patientOf(doctor, 'nia', 'Nia New');
  await samples(nia, [{ type: 'HEART_RATE', at: before(5 * HOUR_MS), value: 64 }]);
  for (const [key, name] of [['quinn', 'Quinn Quiet'], ['quentin', 'Quentin Quiet']] as const) {
    const quiet = await patientOf(doctor, key, name);
    await samples(quiet, [{ type: 'HEART_RATE', at: before(30 * HOUR_MS), value: 66 }]); // recent, but before the window
  }
  const gone = await patientOf(doctor, 'gone', 'Gone Revoked');
  await prisma.careRelationship.updateMany({ where: { patientId: gone, carerId: doctor.id }, data: { revokedAt: before(48 * HOUR_MS) } });
  await samples(gone, [{ type: 'HEART_RATE', at: before(HOUR_MS), value: 60 }]);
  const elsewhere = await patientOf(otherDoctor, 'elsewhere', 'Else Where');
  await samples(elsewhere, [{ type: 'HEART_RATE', at: before(HOUR_MS), value: 60 }]);
});

describe('when a digest is due', () => {
  it('Asia/Kolkata: from 08:00 IST (02:30 UTC), not at 07:30; once made, not again that day', () => {
    const kolkata = { timeZone: 'Asia/Kolkata', lastDigestAt: null };
    expect(digestSlot(at('2026-02-10T02:00:00Z'), 'Asia/Kolkata')).toBeNull(); // 07:30 IST
    expect(dueWindow(kolkata, at('2026-02-10T02:00:00Z'))).toBeNull();
    expect(dueWindow(kolkata, SLOT)).toEqual({ from: at('2026-02-09T02:30:00Z'), to: SLOT, day: '2026-02-10', first: true });
    expect(dueWindow({ ...kolkata, lastDigestAt: SLOT }, at('2026-02-10T03:00:00Z'))).toBeNull(); // the 08:30 rerun
    expect(dueWindow({ ...kolkata, lastDigestAt: SLOT }, at('2026-02-10T18:00:00Z'))).toBeNull(); // 23:30 IST
    // The next day covers exactly the 24 h since, from 08:00 IST on.
    expect(dueWindow({ ...kolkata, lastDigestAt: SLOT }, at('2026-02-11T02:30:00Z'))).toMatchObject({ from: SLOT, to: at('2026-02-11T02:30:00Z'), first: false });
  });

  it('America/New_York across the spring change: 08:00 EST is 13:00 UTC, 08:00 EDT the next day 12:00 UTC (a 23 h window)', () => {
    const ny = { timeZone: 'America/New_York', lastDigestAt: null };
    expect(dueWindow(ny, at('2026-03-07T12:30:00Z'))).toBeNull(); // 07:30 EST
    const saturday = dueWindow(ny, at('2026-03-07T13:00:00Z'))!;
    expect(saturday.to).toEqual(at('2026-03-07T13:00:00Z'));
    expect(dueWindow({ ...ny, lastDigestAt: saturday.to }, at('2026-03-08T11:30:00Z'))).toBeNull(); // 07:30 EDT
    const sunday = dueWindow({ ...ny, lastDigestAt: saturday.to }, at('2026-03-08T12:00:00Z'))!;
    expect(sunday).toEqual({ from: saturday.to, to: at('2026-03-08T12:00:00Z'), day: '2026-03-08', first: false });
    expect(sunday.to.getTime() - sunday.from.getTime()).toBe(23 * HOUR_MS);
  });

  it('America/New_York across the autumn change: 08:00 EST on 1 November is 13:00 UTC (a 25 h window)', () => {
    const saturday = at('2026-10-31T12:00:00Z'); // 08:00 EDT
    expect(dueWindow({ timeZone: 'America/New_York', lastDigestAt: saturday }, at('2026-11-01T12:30:00Z'))).toBeNull(); // 07:30 EST
    const sunday = dueWindow({ timeZone: 'America/New_York', lastDigestAt: saturday }, at('2026-11-01T13:00:00Z'))!;
    expect(sunday.to.getTime() - sunday.from.getTime()).toBe(25 * HOUR_MS);
  });

  it('after a long silence the window reaches back 7 days at most', () => {
    const w = dueWindow({ timeZone: 'Asia/Kolkata', lastDigestAt: at('2026-01-01T02:30:00Z') }, SLOT)!;
    expect(w.from).toEqual(before(7 * 24 * HOUR_MS));
  });
});

describe('what a doctor’s digest says', () => {
  it('triage groups with names and what changed; the window’s alerts; the quiet counted; never a value', async () => {
    const text = (await buildDigest({ id: doctor.id, role: 'DOCTOR' }, firstWindow()))!;
    const lines = text.body.split('\n');
    expect(text.title).toBe('Your daily summary for Tuesday 10 February');
    expect(lines[0]).toBe('Active emergency: Alex Kumar (2 alerts in the last 24 hours: very low glucose ×2, 1 acknowledged and 1 not, 1 still open; new readings).');
    expect(lines).toContain('Meeting targets: Nia New (new readings), Priya Patel (new readings).');
    expect(lines).toContain('Quiet: 2 patients meeting targets, with no new readings or alerts.');
    expect(lines).toContain(`Alex Kumar: ${env().mail.appUrl}/doctor/patients/${ids.alex}`);
    expect(lines.at(-1)).toBe(`All your patients: ${env().mail.appUrl}/doctor`);
    for (const absent of ['Gone Revoked', 'Else Where', 'Quinn', 'Quentin']) expect(text.body).not.toContain(absent);
    expect(withoutLinks(text)).not.toMatch(/43|mg\/dL|mmol|mmHg|bpm|201|121/);
  });

  it('a patient whose doctor chose NONE is listed by triage, without alerts', async () => {
    const text = (await buildDigest({ id: doctor.id, role: 'DOCTOR' }, firstWindow()))!;
    const priya = text.body.split('\n').find((l) => l.includes('Priya Patel'))!;
    expect(priya).toBe('Meeting targets: Nia New (new readings), Priya Patel (new readings).');
    expect(text.body).not.toMatch(/blood pressure crisis/i);
  });

  it('nothing changed in the window → no digest', async () => {
    const quietWindow: DigestWindow = { from: at('2026-02-01T02:30:00Z'), to: at('2026-02-02T02:30:00Z'), day: '2026-02-02', first: false };
    expect(await buildDigest({ id: doctor.id, role: 'DOCTOR' }, quietWindow)).toBeNull();
  });
});

describe('who gets one', () => {
  it('doctors with a patient; caregivers only with the opt-in and someone they may view', async () => {
    const optedIn = await createUser({ role: 'CAREGIVER', timeZone: 'Asia/Kolkata' });
    const notOptedIn = await createUser({ role: 'CAREGIVER', timeZone: 'Asia/Kolkata' });
    const noView = await createUser({ role: 'CAREGIVER', timeZone: 'Asia/Kolkata' });
    const lonelyDoctor = await createUser({ role: 'DOCTOR' });
    await prisma.userPreferences.updateMany({ where: { userId: { in: [optedIn.id, noView.id] } }, data: { caregiverDigest: true } });
    for (const c of [optedIn, notOptedIn]) await linkCare({ patientId: ids.alex!, carerId: c.id, kind: 'CAREGIVER' });
    await linkCare({ patientId: ids.alex!, carerId: noView.id, kind: 'CAREGIVER', canView: false });
    const found = await findDigestRecipients(SLOT, [doctor.id, optedIn.id, notOptedIn.id, noView.id, lonelyDoctor.id]);
    expect(found.map((r) => r.id).sort()).toEqual([doctor.id, optedIn.id].sort());
    expect(found.find((r) => r.id === doctor.id)).toMatchObject({ role: 'DOCTOR', timeZone: 'Asia/Kolkata' });
  });
});

describe('what a caregiver’s digest says', () => {
  it('the people they may view and what happened; alerts only with alert permission', async () => {
    const caregiver = await createUser({ role: 'CAREGIVER', timeZone: 'Asia/Kolkata' });
    await prisma.careRelationship.create({ data: { patientId: ids.alex!, carerId: caregiver.id, kind: 'CAREGIVER', canView: true, canReceiveAlerts: true } });
    await prisma.careRelationship.create({ data: { patientId: ids.priya!, carerId: caregiver.id, kind: 'CAREGIVER', canView: true, canReceiveAlerts: false } });
    await prisma.careRelationship.create({ data: { patientId: ids.nia!, carerId: caregiver.id, kind: 'CAREGIVER', canView: false, canReceiveAlerts: true } });
    const text = (await buildDigest({ id: caregiver.id, role: 'CAREGIVER' }, firstWindow()))!;
    const lines = text.body.split('\n');
    expect(lines[0]).toBe('Alex Kumar: 2 alerts in the last 24 hours: very low glucose ×2, 1 acknowledged and 1 not, 1 still open; new readings.');
    expect(lines[1]).toBe('Priya Patel: new readings.');
    expect(text.body).not.toContain('Nia New');
    expect(text.body).toContain(`/caregiver/patients/${ids.alex}`);
    expect(withoutLinks(text)).not.toMatch(/43|mg\/dL|mmol|mmHg|bpm|201|121/);
  });
});

describe('sending', () => {
  const run = (now: Date, only: string[]) => sendDailyDigests({ now, only });
  const digestsOf = (recipientId: string) => prisma.notification.findMany({ where: { recipientId, kind: 'digest.daily' }, orderBy: { createdAt: 'asc' } });

  it('Asia/Kolkata: nothing at 07:30 IST, the digest at 08:00, nothing more at 08:30 or on a rerun', async () => {
    expect(await run(at('2026-02-10T02:00:00Z'), [doctor.id])).toEqual({ due: 0, sent: 0, failed: 0 }); // 07:30 IST
    expect(await digestsOf(doctor.id)).toHaveLength(0);
    expect(await run(SLOT, [doctor.id])).toEqual({ due: 1, sent: 1, failed: 0 });
    expect(await run(at('2026-02-10T03:00:00Z'), [doctor.id])).toEqual({ due: 0, sent: 0, failed: 0 }); // 08:30 IST
    expect(await run(SLOT, [doctor.id])).toEqual({ due: 0, sent: 0, failed: 0 }); // the 08:00 run again (a crash, a retry)
    const [digest, ...more] = await digestsOf(doctor.id);
    expect(more).toHaveLength(0);
    expect(digest).toMatchObject({ patientId: null, isEmergency: false, status: 'SENT', emergencyEventId: null, createdAt: SLOT, channels: ['EMAIL'] });
    const { title, body } = await withNotificationTexts(doctor.id, digest!);
    expect(title).toBe('Your daily summary for Tuesday 10 February');
    expect(body).toContain('Active emergency: Alex Kumar (2 alerts in the last 24 hours');
    expect(body).toContain('Quiet: 2 patients');
    expect(withoutLinks({ title, body })).not.toMatch(/43|mg\/dL|mmHg|bpm/);
    // Outside the app, by default, it names no one: "Your daily summary is ready."
    const mail = await prisma.mailMessage.findFirstOrThrow({ where: { notificationId: digest!.id } });
    expect(mail.template).toBe('notification');
    const { data } = await decryptMailFields(mail);
    expect(data).toEqual({ title: 'Pulse', body: 'Your daily summary is ready.', path: `/notifications#n-${digest!.id}` });
    // Audited like the triage list: a row per patient of the doctor's (once: the reruns made nothing).
    const reads = await prisma.auditLog.findMany({ where: { actorUserId: doctor.id, action: 'list.read-patient-data' } });
    expect(reads.map((r) => r.details)).toEqual(reads.map(() => ({ list: 'daily-digest' })));
    expect(reads.map((r) => r.patientId).sort()).toEqual([ids.alex, ids.priya, ids.nia, ids.quinn, ids.quentin].sort());
  });

  it('two runs at once make one digest', async () => {
    const d = await createUser({ role: 'DOCTOR', timeZone: 'Asia/Kolkata' });
    await linkCare({ patientId: ids.nia!, carerId: d.id, kind: 'DOCTOR' });
    const runs = await Promise.all([run(SLOT, [d.id]), run(SLOT, [d.id]), run(at('2026-02-10T03:00:00Z'), [d.id])]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await digestsOf(d.id)).toHaveLength(1);
  });

  it('with values in messages opted in, the e-mail carries the digest: names, still never a health value', async () => {
    const d = await createUser({ role: 'DOCTOR', timeZone: 'Asia/Kolkata' });
    await prisma.userPreferences.update({ where: { userId: d.id }, data: { valuesInMessages: true } });
    await linkCare({ patientId: ids.alex!, carerId: d.id, kind: 'DOCTOR' });
    expect((await run(SLOT, [d.id])).sent).toBe(1);
    const [digest] = await digestsOf(d.id);
    const { data } = await decryptMailFields(await prisma.mailMessage.findFirstOrThrow({ where: { notificationId: digest!.id } }));
    const text = data as { title: string; body: string };
    expect(text.body).toContain('Alex Kumar');
    expect(withoutLinks(text)).not.toMatch(/43|mg\/dL|mmHg|bpm/);
  });

  it('America/New_York across the spring change: at 08:00 EST, then at 08:00 EDT (not 07:30), each covering its own window', async () => {
    const d = await createUser({ role: 'DOCTOR', timeZone: 'America/New_York' });
    const p = await patientOf(d, 'ny', 'Nora York');
    await samples(p, [{ type: 'HEART_RATE', at: at('2026-03-07T10:00:00Z'), value: 60 }, { type: 'HEART_RATE', at: at('2026-03-08T06:00:00Z'), value: 61 }]);
    expect((await run(at('2026-03-07T12:30:00Z'), [d.id])).sent).toBe(0); // 07:30 EST
    expect((await run(at('2026-03-07T13:00:00Z'), [d.id])).sent).toBe(1); // 08:00 EST
    expect((await run(at('2026-03-08T11:30:00Z'), [d.id])).sent).toBe(0); // 07:30 EDT
    expect((await run(at('2026-03-08T12:00:00Z'), [d.id])).sent).toBe(1); // 08:00 EDT
    expect((await run(at('2026-03-08T12:30:00Z'), [d.id])).sent).toBe(0);
    const digests = await digestsOf(d.id);
    expect(digests.map((n) => n.createdAt)).toEqual([at('2026-03-07T13:00:00Z'), at('2026-03-08T12:00:00Z')]);
    const second = await withNotificationTexts(d.id, digests[1]!);
    expect(second.title).toBe('Your daily summary for Sunday 8 March');
    expect(second.body).toContain('Nora York (new readings)');
  });

  it('a caregiver without the opt-in gets none; with it, one', async () => {
    const without = await createUser({ role: 'CAREGIVER', timeZone: 'Asia/Kolkata' });
    const optedIn = await createUser({ role: 'CAREGIVER', timeZone: 'Asia/Kolkata' });
    await prisma.userPreferences.update({ where: { userId: optedIn.id }, data: { caregiverDigest: true } });
    for (const c of [without, optedIn]) {
      await prisma.careRelationship.create({ data: { patientId: ids.alex!, carerId: c.id, kind: 'CAREGIVER', canView: true, canReceiveAlerts: true } });
    }
    expect(await run(SLOT, [without.id, optedIn.id])).toEqual({ due: 1, sent: 1, failed: 0 });
    expect(await digestsOf(without.id)).toHaveLength(0);
    const [digest] = await digestsOf(optedIn.id);
    const { body } = await withNotificationTexts(optedIn.id, digest!);
    expect(body.split('\n')[0]).toBe('Alex Kumar: 2 alerts in the last 24 hours: very low glucose ×2, 1 acknowledged and 1 not, 1 still open; new readings.');
  });

  it('nothing to say → no digest, and none is recorded', async () => {
    const d = await createUser({ role: 'DOCTOR', timeZone: 'Asia/Kolkata' });
    await linkCare({ patientId: ids.quinn!, carerId: d.id, kind: 'DOCTOR' }); // quiet on 10 February
    expect(await run(SLOT, [d.id])).toEqual({ due: 1, sent: 0, failed: 0 });
    expect(await digestsOf(d.id)).toHaveLength(0);
  });
});
