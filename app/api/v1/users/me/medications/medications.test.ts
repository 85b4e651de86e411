// Integration (real server and PostgreSQL): medications and their doses (issue 19). A patient in Kolkata
// adds their own; their doctor prescribes insulin and marks it critical; a caregiver with view reads, one
// with log permission logs a dose. Doses are logged against yesterday's planned doses (always wholly in the
// past, whatever the hour the test runs at), and missed doses are written once their window has passed.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { dueInstant } from '@/lib/pipeline/medication-schedule';
import { addDays, localDate, zoneClock } from '@/lib/time';
import { createSignedInUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
type Medication = { id: string; name: string; dose: string; critical: boolean; prescriberId: string | null; version: number; status: string; stoppedAt: string | null; nextDoses: string[]; schedule: unknown };
type Dose = { id: string; scheduledFor: string | null; status: string; takenAt: string | null; reason: string | null; recordedById: string };
type Doses = { planned: { scheduledFor: string; status: string; log: Dose | null }[]; extra: Dose[] };
type Problem = { error: { code: string; details?: { field: string; reason: string }[] } };

const ZONE = 'Asia/Kolkata';
let patient: SignedIn;
let doctor: SignedIn;
let viewer: SignedIn;
let logger: SignedIn;
let blind: SignedIn;
let stranger: SignedIn;
const yesterday = () => addDays(localDate(Date.now(), ZONE), -1);
const at = (day: string, time: string) => new Date(dueInstant(zoneClock(ZONE), day, time)).toISOString();
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const fields = (res: { body: unknown }) => ((res.body as Problem).error.details ?? []).map((d) => d.field);

beforeAll(async () => {
  [patient, doctor, viewer, logger, blind, stranger] = await Promise.all([
    createSignedInUser({ timeZone: ZONE }),
    createSignedInUser({ role: 'DOCTOR' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'DOCTOR' }),
  ]);
  await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
  await linkCare({ patientId: patient.id, carerId: viewer.id, kind: 'CAREGIVER' });
  await linkCare({ patientId: patient.id, carerId: logger.id, kind: 'CAREGIVER' });
  await linkCare({ patientId: patient.id, carerId: blind.id, kind: 'CAREGIVER', canView: false });
  await prisma.careRelationship.updateMany({ where: { patientId: patient.id, carerId: logger.id }, data: { canLogData: true } });
});

const addOwn = (body: Record<string, unknown>) => api<Medication>('/api/v1/users/me/medications', { cookie: patient.cookie, json: body });
const prescribe = (body: Record<string, unknown>) => api<Medication>(`/api/v1/patients/${patient.id}/medications`, { cookie: doctor.cookie, json: body });
const logOwn = (id: string, body: Record<string, unknown>) => api<Dose>(`/api/v1/users/me/medications/${id}/doses`, { cookie: patient.cookie, json: body });

describe('medications', () => {
  it('the patient adds their own: 201 with its id and next doses; listed', async () => {
    const res = await addOwn({ name: 'Metformin', strength: '500 mg', form: 'tablet', dose: '1 tablet', route: 'oral', schedule: { kind: 'daily', times: ['20:00', '08:00'] }, startedOn: addDays(yesterday(), -2) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Metformin', dose: '1 tablet', critical: false, prescriberId: null, version: 1, status: 'active', schedule: { kind: 'daily', times: ['08:00', '20:00'] } });
    expect(res.body.nextDoses).toHaveLength(3);
    for (const next of res.body.nextDoses) expect(['08:00', '20:00']).toContain(new Date(Date.parse(next) + 5.5 * 3_600_000).toISOString().slice(11, 16));
    const list = await api<{ medications: Medication[] }>('/api/v1/users/me/medications', { cookie: patient.cookie });
    expect(list.body.medications.map((m) => m.id)).toContain(res.body.id);
  });

  it('bad input: a clear 422 naming the field, nothing stored', async () => {
    const before = await prisma.medication.count({ where: { userId: patient.id } });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'X', dose: '1', schedule: { kind: 'weekdays', days: ['MON'], times: ['08:00'] }, startedOn: '2026-11-10', endedOn: '2026-11-12' }, 'schedule'],
      [{ name: 'X', dose: '1', schedule: { kind: 'daily', times: ['08:00'] }, startedOn: '2026-11-10', endedOn: '2026-11-09' }, 'endedOn'],
      [{ name: 'X', dose: '1', schedule: { kind: 'daily', times: ['8 am'] } }, 'schedule.times.0'],
      [{ name: 'X', dose: '1', schedule: { kind: 'asNeeded' }, critical: true }, 'critical'],
      [{ name: '', dose: '1', schedule: { kind: 'asNeeded' } }, 'name'],
      [{ name: 'X', schedule: { kind: 'asNeeded' } }, 'dose'],
      [{ name: 'X', dose: '1', schedule: { kind: 'asNeeded' }, code: { system: 'RXNORM', code: 'A10' } }, 'code.code'],
    ];
    for (const [body, field] of cases) {
      const res = await addOwn(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fields(res)).toContain(field);
    }
    expect(await prisma.medication.count({ where: { userId: patient.id } })).toBe(before);
  });

  it('the doctor prescribes a critical medication; the caregiver with view reads it; others get 404, anonymous 401', async () => {
    const res = await prescribe({ name: 'Insulin glargine', code: { system: 'ATC', code: 'A10AE04' }, dose: '18 units', route: 'subcutaneous', schedule: { kind: 'daily', times: ['21:30'] }, critical: true, instructions: 'Same time each night' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ critical: true, prescriberId: doctor.id, code: { system: 'ATC', code: 'A10AE04' } });
    const seen = await api<{ medications: Medication[] }>(`/api/v1/patients/${patient.id}/medications`, { cookie: viewer.cookie });
    expect(seen.body.medications.find((m) => m.id === res.body.id)).toMatchObject({ instructions: 'Same time each night' });
    for (const who of [blind, stranger]) expect((await api(`/api/v1/patients/${patient.id}/medications`, { cookie: who.cookie })).status).toBe(404);
    expect((await api(`/api/v1/patients/${patient.id}/medications`, {})).status).toBe(401);
    expect((await api(`/api/v1/patients/${patient.id}/medications`, { cookie: viewer.cookie, json: { name: 'X', dose: '1', schedule: { kind: 'asNeeded' } } })).status).toBe(403);
    // Encrypted at rest.
    const row = await prisma.medication.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.instructions).not.toContain('Same time');
  });

  it('changes are versions: the patient may not change a prescription but may stop it; every version is kept', async () => {
    const { body: insulin } = await prescribe({ name: 'Insulin aspart', dose: '4 units', schedule: { kind: 'daily', times: ['08:00'] } });
    expect((await api(`/api/v1/users/me/medications/${insulin.id}`, { cookie: patient.cookie, method: 'PATCH', json: { dose: '40 units' } })).status).toBe(403);
    const changed = await api<Medication>(`/api/v1/patients/${patient.id}/medications/${insulin.id}`, { cookie: doctor.cookie, method: 'PATCH', json: { dose: '6 units' } });
    expect(changed.body).toMatchObject({ dose: '6 units', version: 2 });
    const stopped = await api<Medication>(`/api/v1/users/me/medications/${insulin.id}`, { cookie: patient.cookie, method: 'PATCH', json: { stopped: true } });
    expect(stopped.body).toMatchObject({ status: 'stopped', version: 3, nextDoses: [] });
    const versions = await api<{ versions: { version: number; change: string; medication: { dose: string } }[] }>(`/api/v1/patients/${patient.id}/medications/${insulin.id}/versions`, { cookie: viewer.cookie });
    expect(versions.body.versions.map((v) => [v.version, v.change, v.medication.dose])).toEqual([[1, 'CREATED', '4 units'], [2, 'UPDATED', '6 units'], [3, 'STOPPED', '6 units']]);
    expect((await api(`/api/v1/patients/${patient.id}/medications/${insulin.id}`, { cookie: doctor.cookie, method: 'PATCH', json: { dose: '8 units' } })).status).toBe(409);
  });
});

describe('doses', () => {
  let med: Medication;
  beforeAll(async () => {
    med = (await addOwn({ name: 'Vitamin D', dose: '1 capsule', schedule: { kind: 'daily', times: ['08:00', '20:00'] }, startedOn: addDays(yesterday(), -1) })).body;
  });

  it('a log attaches to the nearest planned dose within 60 minutes, else it is an extra dose; late after the window', async () => {
    const day = yesterday();
    const near = await logOwn(med.id, { status: 'taken', takenAt: plus(at(day, '08:00'), 20) });
    expect(near.status).toBe(201);
    expect(near.body).toMatchObject({ scheduledFor: at(day, '08:00'), status: 'taken', recordedById: patient.id });
    const extra = await logOwn(med.id, { status: 'taken', takenAt: plus(at(day, '08:00'), 90) });
    expect(extra.body).toMatchObject({ scheduledFor: null, status: 'taken' });
    const late = await logOwn(med.id, { status: 'taken', scheduledFor: at(day, '20:00'), takenAt: plus(at(day, '20:00'), 95) });
    expect(late.body).toMatchObject({ scheduledFor: at(day, '20:00'), status: 'late' });
    const again = await logOwn(med.id, { status: 'skipped', scheduledFor: at(day, '20:00'), reason: 'nausea' });
    expect(again.status).toBe(409);
  });

  it('skipped with a reason; bad doses refused naming the field', async () => {
    const day = addDays(yesterday(), -1);
    const skipped = await logOwn(med.id, { status: 'skipped', scheduledFor: at(day, '20:00'), reason: 'nausea' });
    expect(skipped.body).toMatchObject({ status: 'skipped', reason: 'nausea', takenAt: null });
    const row = await prisma.medicationLog.findUniqueOrThrow({ where: { id: skipped.body.id } });
    expect(row.reason).not.toContain('nausea');
    const tomorrow = addDays(localDate(Date.now(), ZONE), 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'taken', scheduledFor: plus(at(day, '08:00'), 30) }, 'scheduledFor'],
      [{ status: 'taken', scheduledFor: at(tomorrow, '20:00') }, 'scheduledFor'],
      [{ status: 'taken', takenAt: new Date(Date.now() + 3_600_000).toISOString() }, 'takenAt'],
      [{ status: 'skipped', scheduledFor: at(day, '08:00'), takenAt: at(day, '08:00') }, 'takenAt'],
      [{ status: 'forgot' }, 'status'],
    ];
    for (const [body, field] of cases) {
      const res = await logOwn(med.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fields(res)).toContain(field);
    }
  });

  it('an as-needed medication’s doses are all extra; it has none to skip', async () => {
    const { body: prn } = await addOwn({ name: 'Paracetamol', dose: '500 mg', schedule: { kind: 'asNeeded' } });
    expect(prn.nextDoses).toEqual([]);
    expect((await logOwn(prn.id, { status: 'taken' })).body).toMatchObject({ scheduledFor: null, status: 'taken' });
    expect(fields(await logOwn(prn.id, { status: 'skipped' }))).toContain('status');
  });

  it('a caregiver with log permission logs as themselves; one without gets 404', async () => {
    const day = addDays(yesterday(), -1);
    const res = await api<Dose>(`/api/v1/patients/${patient.id}/medications/${med.id}/doses`, { cookie: logger.cookie, json: { status: 'taken', scheduledFor: at(day, '08:00'), takenAt: at(day, '08:05') } });
    expect(res.status).toBe(201);
    expect(res.body.recordedById).toBe(logger.id);
    expect((await api(`/api/v1/patients/${patient.id}/medications/${med.id}/doses`, { cookie: viewer.cookie, json: { status: 'taken' } })).status).toBe(404);
    expect((await api(`/api/v1/patients/${patient.id}/medications/${med.id}/doses`, { cookie: doctor.cookie, json: { status: 'taken' } })).status).toBe(404);
  });

  it('past doses nobody logged are written as missed; a late log replaces missed; a zone change re-plans the future only', async () => {
    const { body: m } = await addOwn({ name: 'Amlodipine', dose: '5 mg', schedule: { kind: 'daily', times: ['09:00'] }, startedOn: addDays(yesterday(), -3) });
    // As if it had been added three days ago.
    await prisma.medication.update({ where: { id: m.id }, data: { createdAt: new Date(Date.parse(at(addDays(yesterday(), -3), '00:00'))) } });
    const list = () => api<Doses & { from: string; to: string }>(`/api/v1/users/me/medications/${m.id}/doses?from=${addDays(yesterday(), -2)}&to=${addDays(yesterday(), 2)}`, { cookie: patient.cookie });
    const first = (await list()).body;
    const past = first.planned.filter((d) => Date.parse(d.scheduledFor) < Date.now() - 3_600_000);
    expect(past.length).toBeGreaterThanOrEqual(3);
    for (const d of past) expect(d).toMatchObject({ status: 'missed', log: { status: 'missed' } });
    // One more was missed on the day it was added, before the days listed.
    const missed = () => prisma.medicationLog.count({ where: { medicationId: m.id, status: 'MISSED' } });
    expect(await missed()).toBe(past.length + 1);
    await list(); // idempotent
    expect(await missed()).toBe(past.length + 1);

    const late = await logOwn(m.id, { status: 'taken', scheduledFor: at(yesterday(), '09:00'), takenAt: plus(at(yesterday(), '09:00'), 180) });
    expect(late.body).toMatchObject({ status: 'late', scheduledFor: at(yesterday(), '09:00') });

    await prisma.profile.update({ where: { userId: patient.id }, data: { timeZone: 'America/New_York' } });
    try {
      const res = await api<Doses>(`/api/v1/users/me/medications/${m.id}/doses?from=${addDays(yesterday(), -3)}&to=${addDays(yesterday(), 2)}`, { cookie: patient.cookie });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const after = res.body;
      const kolkata = new Set(past.map((d) => d.scheduledFor));
      let future = 0;
      for (const d of after.planned) {
        if (kolkata.has(d.scheduledFor)) continue; // the past stays where it was planned
        if (Date.parse(d.scheduledFor) < Date.now() - 3_600_000) continue; // the hour between the sweep and the change
        // The future follows the new zone: 09:00 in New York.
        const ny = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(d.scheduledFor));
        expect(ny).toBe('09:00');
        future += 1;
      }
      expect(future).toBeGreaterThan(0);
      for (const d of past) expect(after.planned.map((x) => x.scheduledFor)).toContain(d.scheduledFor);
    } finally {
      await prisma.profile.update({ where: { userId: patient.id }, data: { timeZone: ZONE } });
    }
  });
});
