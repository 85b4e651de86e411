// Integration: POST /api/v1/patients/:patientId/entries. Only a caregiver whose active link carries
// can_log_data may log for the patient (stored as the patient's data, recorded as the caregiver); everyone
// else gets the same 404, before the body is even looked at.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { decryptSampleRowMetadata } from '@/lib/data/sample-fields';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;
let otherPatient: SignedIn;
let caregiver: SignedIn;

const NOTE = { kind: 'note', text: 'Ate a light dinner.' };
const post = (patientId: string, json: unknown, cookie?: string) => api(`/api/v1/patients/${patientId}/entries`, { json, cookie });

function link(opts: { patientId: string; carerId: string; kind?: 'DOCTOR' | 'CAREGIVER'; canView?: boolean; canLogData?: boolean; revoked?: boolean }) {
  return prisma.careRelationship.create({
    data: {
      patientId: opts.patientId,
      carerId: opts.carerId,
      kind: opts.kind ?? 'CAREGIVER',
      canView: opts.canView ?? true,
      canLogData: opts.canLogData ?? false,
      revokedAt: opts.revoked ? new Date() : null,
    },
  });
}

async function caregiverWith(opts: { canView?: boolean; canLogData?: boolean; revoked?: boolean; patientId?: string }) {
  const user = await createSignedInUser({ role: 'CAREGIVER' });
  const row = await link({ patientId: opts.patientId ?? patient.id, carerId: user.id, ...opts });
  return { ...user, linkId: row.id };
}

beforeAll(async () => {
  [patient, otherPatient] = await Promise.all([createSignedInUser({ timeZone: 'America/New_York' }), createSignedInUser()]);
  caregiver = await caregiverWith({ canLogData: true, canView: true });
});

describe('a caregiver with can_log_data', () => {
  it('logs a reading as the patient\'s data, entered by the caregiver', async () => {
    const res = await post(patient.id, { kind: 'glucose', value: 7.2, unit: 'mmol/L', mealContext: 'after_lunch', at: '2026-11-19T14:00:00-05:00' }, caregiver.cookie);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'glucose', patientId: patient.id, recordedById: caregiver.id, at: '2026-11-19T19:00:00.000Z' });
    const sample = await prisma.healthSample.findFirstOrThrow({ where: { clientRecordId: `manual:${res.body.id}` } });
    expect(sample).toMatchObject({ userId: patient.id, type: 'BLOOD_GLUCOSE' });
    expect(await decryptSampleRowMetadata(sample)).toEqual({ mealContext: 'after_lunch', enteredBy: caregiver.id });
    expect(sample.value).toBeCloseTo(7.2 * 18.0156, 6);
    const device = await prisma.device.findUniqueOrThrow({ where: { id: sample.deviceId } });
    expect(device).toMatchObject({ userId: patient.id, type: 'manual' });
    expect(await prisma.device.count({ where: { userId: caregiver.id } })).toBe(0);
    // The patient's day in New York: a dirty range (or, once the pipeline ran, an aggregate) for 2026-11-19.
    const dirtyOrDone = async () =>
      (await prisma.dirtyRange.count({ where: { userId: patient.id, type: 'BLOOD_GLUCOSE' } })) +
      (await prisma.healthAggregate.count({ where: { userId: patient.id, type: 'BLOOD_GLUCOSE', period: 'DAY', periodStart: new Date('2026-11-19T00:00:00Z') } }));
    expect(await dirtyOrDone()).toBeGreaterThan(0);
  });

  it('shares the patient\'s one manual device with the patient\'s own entries', async () => {
    const own = await api('/api/v1/users/me/entries', { json: { kind: 'weight', value: 70, unit: 'kg' }, cookie: patient.cookie });
    const theirs = await post(patient.id, { kind: 'weight', value: 70.4, unit: 'kg' }, caregiver.cookie);
    const ids = await prisma.healthSample.findMany({ where: { clientRecordId: { in: [`manual:${own.body.id}`, `manual:${theirs.body.id}`] } }, select: { deviceId: true } });
    expect(new Set(ids.map((s) => s.deviceId)).size).toBe(1);
    expect(await prisma.device.count({ where: { userId: patient.id, type: 'manual' } })).toBe(1);
  });

  it('logs blood pressure as the pair, and events recorded by the caregiver', async () => {
    const bp = await post(patient.id, { kind: 'blood_pressure', systolic: 135, diastolic: 88 }, caregiver.cookie);
    expect(bp.status).toBe(201);
    const pair = await prisma.healthSample.findMany({ where: { clientRecordId: { startsWith: `manual:${bp.body.id}` } }, orderBy: { type: 'asc' } });
    expect(pair.map((s) => [s.type, s.value, s.userId])).toEqual([
      ['BLOOD_PRESSURE_SYSTOLIC', 135, patient.id],
      ['BLOOD_PRESSURE_DIASTOLIC', 88, patient.id],
    ]);

    for (const body of [NOTE, { kind: 'mood', score: 3 }, { kind: 'symptom', name: 'Dizzy', severity: 2 }, { kind: 'medication', name: 'Lisinopril', dose: '10 mg' }]) {
      const res = await post(patient.id, body, caregiver.cookie);
      expect(res.status).toBe(201);
      const event = await prisma.healthEvent.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(event).toMatchObject({ userId: patient.id, recordedById: caregiver.id });
    }
  });

  it('cannot redirect the entry with ids in the body', async () => {
    const res = await post(patient.id, { ...NOTE, userId: otherPatient.id, patientId: otherPatient.id, recordedById: patient.id }, caregiver.cookie);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ patientId: patient.id, recordedById: caregiver.id });
    expect(await prisma.healthEvent.count({ where: { userId: otherPatient.id } })).toBe(0);
  });

  it('gets 422s naming the field once access is granted', async () => {
    const res = await post(patient.id, { kind: 'mood', score: 9 }, caregiver.cookie);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'score', reason: expect.any(String) }]);
  });
});

describe('everyone else gets the same 404, and nothing is stored', () => {
  const denied: [string, () => Promise<{ cookie: string; target: string }>][] = [
    ['a caregiver with view but not can_log_data', async () => ({ cookie: (await caregiverWith({ canLogData: false })).cookie, target: patient.id })],
    ['a caregiver whose link was revoked', async () => ({ cookie: (await caregiverWith({ canLogData: true, revoked: true })).cookie, target: patient.id })],
    ['a caregiver of another patient', async () => ({ cookie: (await caregiverWith({ canLogData: true, patientId: otherPatient.id })).cookie, target: patient.id })],
    ['a caregiver with no link', async () => ({ cookie: (await createSignedInUser({ role: 'CAREGIVER' })).cookie, target: patient.id })],
    ['a linked doctor', async () => {
      const doctor = await createSignedInUser({ role: 'DOCTOR' });
      await link({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR', canLogData: true });
      return { cookie: doctor.cookie, target: patient.id };
    }],
    ['a doctor linked as a caregiver', async () => {
      const doctor = await createSignedInUser({ role: 'DOCTOR' });
      await link({ patientId: patient.id, carerId: doctor.id, kind: 'CAREGIVER', canLogData: true });
      return { cookie: doctor.cookie, target: patient.id };
    }],
    ['another patient', async () => ({ cookie: otherPatient.cookie, target: patient.id })],
    ['the patient themself (they use /users/me/entries)', async () => ({ cookie: patient.cookie, target: patient.id })],
    ['an admin', async () => ({ cookie: (await createSignedInUser({ role: 'ADMIN' })).cookie, target: patient.id })],
    ['the caregiver, for a nonexistent patient', async () => ({ cookie: caregiver.cookie, target: randomUUID() })],
    ['the caregiver, for a non-uuid id', async () => ({ cookie: caregiver.cookie, target: 'not-a-uuid' })],
  ];

  it.each(denied)('%s → 404', async (_name, setup) => {
    const { cookie, target } = await setup();
    const [events, samples] = await Promise.all([prisma.healthEvent.count({ where: { userId: patient.id } }), prisma.healthSample.count({ where: { userId: patient.id } })]);
    const note = await post(target, NOTE, cookie);
    const reading = await post(target, { kind: 'weight', value: 70, unit: 'kg' }, cookie);
    const garbage = await post(target, { kind: 'nonsense' }, cookie); // 404 before the body is validated
    for (const res of [note, reading, garbage]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'patient not found' } });
    }
    expect(await prisma.healthEvent.count({ where: { userId: patient.id } })).toBe(events);
    expect(await prisma.healthSample.count({ where: { userId: patient.id } })).toBe(samples);
  });

  it('answers 401 to an anonymous caller', async () => {
    expect((await post(patient.id, NOTE)).status).toBe(401);
  });
});

describe('changes to the link take effect on the very next request', () => {
  it('revoking the link, or taking can_log_data away, ends logging at once', async () => {
    const carer = await caregiverWith({ canLogData: true });
    expect((await post(patient.id, NOTE, carer.cookie)).status).toBe(201);
    await prisma.careRelationship.update({ where: { id: carer.linkId }, data: { canLogData: false } });
    expect((await post(patient.id, NOTE, carer.cookie)).status).toBe(404);
    await prisma.careRelationship.update({ where: { id: carer.linkId }, data: { canLogData: true } });
    expect((await post(patient.id, NOTE, carer.cookie)).status).toBe(201);
    await prisma.careRelationship.update({ where: { id: carer.linkId }, data: { revokedAt: new Date() } });
    expect((await post(patient.id, NOTE, carer.cookie)).status).toBe(404);
  });

  it('a disabled patient cannot be logged for', async () => {
    const disabled = await createSignedInUser();
    const carer = await caregiverWith({ canLogData: true, patientId: disabled.id });
    expect((await post(disabled.id, NOTE, carer.cookie)).status).toBe(201);
    await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect((await post(disabled.id, NOTE, carer.cookie)).status).toBe(404);
  });
});
