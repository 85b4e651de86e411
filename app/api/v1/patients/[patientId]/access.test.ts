// Integration: who may read a patient's data through /api/v1/patients/:patientId/{samples,aggregates,summary}.
// A doctor or caregiver with an active care relationship (caregivers need can_view) reads what the patient
// reads; everyone else gets the same 404, never a hint that the patient exists. Anonymous callers get 401.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createDevice, createSignedInUser, linkCare, syncSamples, waitForPipeline } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;

const ENDPOINTS = {
  samples: '/samples?limit=100',
  aggregates: '/aggregates?types=STEPS,HEART_RATE&period=day&from=2026-11-01&to=2026-11-30',
  summary: '/summary?date=2026-11-12',
} as const;
type Endpoint = keyof typeof ENDPOINTS;
const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as Endpoint[];

const read = (patientId: string, endpoint: Endpoint, cookie?: string) => api(`/api/v1/patients/${patientId}${ENDPOINTS[endpoint]}`, { cookie });
const readOwn = (endpoint: Endpoint, cookie: string) => api(`/api/v1/users/me${ENDPOINTS[endpoint]}`, { cookie });

let patient: SignedIn;
let otherPatient: SignedIn;
const callers = {} as Record<
  'doctor' | 'caregiver' | 'caregiverNoView' | 'unlinkedDoctor' | 'revokedDoctor' | 'revokedCaregiver' | 'otherPatientsDoctor' | 'admin' | 'linkedPatient' | 'doctorLinkedAsCaregiver',
  SignedIn
>;

async function seedData(user: { id: string }, steps: number) {
  const watch = await createDevice(user.id, 'watch');
  const since = new Date();
  await syncSamples(watch, [
    { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-11-12T08:00:00Z', endDate: '2026-11-12T08:00:00Z' },
    { type: 'STEPS', value: steps, unit: 'count', startDate: '2026-11-12T09:00:00Z', endDate: '2026-11-12T09:30:00Z' },
  ]);
  // The sync starts the pipeline, which writes the day's aggregates (steps from the watch, heart rate 70).
  await waitForPipeline(user.id, since, 60_000);
}

beforeAll(async () => {
  [patient, otherPatient] = await Promise.all([createSignedInUser({ timeZone: 'Europe/Berlin' }), createSignedInUser()]);
  await seedData(patient, 4321);
  await seedData(otherPatient, 8765);

  const [doctor, caregiver, caregiverNoView, unlinkedDoctor, revokedDoctor, revokedCaregiver, otherPatientsDoctor, admin, linkedPatient, doctorLinkedAsCaregiver] =
    await Promise.all([
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'ADMIN' }),
      createSignedInUser({ role: 'PATIENT' }),
      createSignedInUser({ role: 'DOCTOR' }),
    ]);
  Object.assign(callers, { doctor, caregiver, caregiverNoView, unlinkedDoctor, revokedDoctor, revokedCaregiver, otherPatientsDoctor, admin, linkedPatient, doctorLinkedAsCaregiver });

  await Promise.all([
    linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' }),
    linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: true }),
    linkCare({ patientId: patient.id, carerId: caregiverNoView.id, kind: 'CAREGIVER', canView: false }),
    linkCare({ patientId: patient.id, carerId: revokedDoctor.id, kind: 'DOCTOR', revoked: true }),
    linkCare({ patientId: patient.id, carerId: revokedCaregiver.id, kind: 'CAREGIVER', revoked: true }),
    linkCare({ patientId: otherPatient.id, carerId: otherPatientsDoctor.id, kind: 'DOCTOR' }),
    // A link row does not make a patient (or an admin) a carer: the caller's role must match the link.
    linkCare({ patientId: patient.id, carerId: linkedPatient.id, kind: 'DOCTOR' }),
    linkCare({ patientId: patient.id, carerId: admin.id, kind: 'DOCTOR' }),
    linkCare({ patientId: patient.id, carerId: doctorLinkedAsCaregiver.id, kind: 'CAREGIVER' }),
  ]);
});

describe('allowed: a linked doctor, a linked caregiver with can_view', () => {
  it.each(ENDPOINT_NAMES.flatMap((endpoint) => (['doctor', 'caregiver'] as const).map((who) => [who, endpoint] as const)))(
    '%s reads %s exactly as the patient does',
    async (who, endpoint) => {
      const own = await readOwn(endpoint, patient.cookie);
      const theirs = await read(patient.id, endpoint, callers[who].cookie);
      expect(own.status).toBe(200);
      expect(theirs.status).toBe(200);
      expect(theirs.body).toEqual(own.body);
    },
  );

  it("sees the patient's data, not the caller's or another patient's", async () => {
    const samples = await read(patient.id, 'samples', callers.doctor.cookie);
    expect(samples.body.samples.map((s: { type: string; value: number }) => [s.type, s.value])).toEqual([
      ['HEART_RATE', 70],
      ['STEPS', 4321],
    ]);
    const aggregates = await read(patient.id, 'aggregates', callers.caregiver.cookie);
    expect(aggregates.body.STEPS.map((r: { value: number }) => r.value)).toEqual([4321]);
    const summary = await read(patient.id, 'summary', callers.doctor.cookie);
    expect(summary.body).toEqual({ date: '2026-11-12', types: { STEPS: 4321, HEART_RATE: 70 } });
  });

  it('validates the query the same way as for the patient (422 once access is granted)', async () => {
    const res = await api(`/api/v1/patients/${patient.id}/samples?type=MOOD`, { cookie: callers.doctor.cookie });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });
});

describe('denied: everyone else gets the same 404', () => {
  const denied = [
    ['a patient reading another patient', () => otherPatient.cookie, () => patient.id],
    ['a patient with a (meaningless) care link', () => callers.linkedPatient.cookie, () => patient.id],
    ['a doctor without a link', () => callers.unlinkedDoctor.cookie, () => patient.id],
    ["another patient's doctor", () => callers.otherPatientsDoctor.cookie, () => patient.id],
    ['a doctor whose link was revoked', () => callers.revokedDoctor.cookie, () => patient.id],
    ['a caregiver whose link was revoked', () => callers.revokedCaregiver.cookie, () => patient.id],
    ['a caregiver without can_view', () => callers.caregiverNoView.cookie, () => patient.id],
    ['a doctor linked only as a caregiver', () => callers.doctorLinkedAsCaregiver.cookie, () => patient.id],
    ['an admin (even with a link row)', () => callers.admin.cookie, () => patient.id],
    ['a linked doctor asking for a non-uuid id', () => callers.doctor.cookie, () => 'not-a-uuid'],
    ['a linked doctor asking for a nonexistent id', () => callers.doctor.cookie, () => randomUUID()],
    ["a linked doctor asking for the doctor's own id", () => callers.doctor.cookie, () => callers.doctor.id],
  ] as const;

  it.each(ENDPOINT_NAMES.flatMap((endpoint) => denied.map(([name, cookie, id]) => [name, endpoint, cookie, id] as const)))(
    '%s → 404 on %s',
    async (_name, endpoint, cookie, id) => {
      const res = await read(id(), endpoint, cookie());
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
      expect(JSON.stringify(res.body)).not.toContain('4321');
    },
  );

  it('answers a denial exactly like a nonexistent patient (no hint that the patient exists)', async () => {
    for (const endpoint of ENDPOINT_NAMES) {
      const nonexistent = await read(randomUUID(), endpoint, callers.doctor.cookie);
      const unlinked = await read(patient.id, endpoint, callers.unlinkedDoctor.cookie);
      const patientCaller = await read(patient.id, endpoint, otherPatient.cookie);
      expect(unlinked.body).toEqual(nonexistent.body);
      expect(patientCaller.body).toEqual(nonexistent.body);
    }
  });

  it('answers 404 before looking at the query, so a bad query reveals nothing either', async () => {
    const res = await api(`/api/v1/patients/${patient.id}/samples?type=MOOD`, { cookie: callers.unlinkedDoctor.cookie });
    expect(res.status).toBe(404);
  });

  it.each(ENDPOINT_NAMES)('answers 401 to an anonymous caller on %s', async (endpoint) => {
    const res = await read(patient.id, endpoint);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    expect((await read(randomUUID(), endpoint)).status).toBe(401);
  });
});

describe('changes to the relationship take effect on the very next request', () => {
  it.each(ENDPOINT_NAMES)('a revoked doctor link → 404 on %s', async (endpoint) => {
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const link = await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    expect((await read(patient.id, endpoint, doctor.cookie)).status).toBe(200);
    await prisma.careRelationship.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    expect((await read(patient.id, endpoint, doctor.cookie)).status).toBe(404);
  });

  it('a caregiver losing can_view → 404, and getting it back → 200', async () => {
    const caregiver = await createSignedInUser({ role: 'CAREGIVER' });
    const link = await linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER' });
    expect((await read(patient.id, 'summary', caregiver.cookie)).status).toBe(200);
    await prisma.careRelationship.update({ where: { id: link.id }, data: { canView: false } });
    expect((await read(patient.id, 'summary', caregiver.cookie)).status).toBe(404);
    await prisma.careRelationship.update({ where: { id: link.id }, data: { canView: true } });
    expect((await read(patient.id, 'summary', caregiver.cookie)).status).toBe(200);
  });

  it('a deleted relationship → 404', async () => {
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const link = await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    expect((await read(patient.id, 'samples', doctor.cookie)).status).toBe(200);
    await prisma.careRelationship.delete({ where: { id: link.id } });
    expect((await read(patient.id, 'samples', doctor.cookie)).status).toBe(404);
  });

  it('a disabled doctor → 401 even with an active link', async () => {
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    expect((await read(patient.id, 'samples', doctor.cookie)).status).toBe(200);
    await prisma.user.update({ where: { id: doctor.id }, data: { disabledAt: new Date() } });
    expect((await read(patient.id, 'samples', doctor.cookie)).status).toBe(401);
  });
});
