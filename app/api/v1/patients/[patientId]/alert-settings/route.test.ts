// Integration: GET | PUT /api/v1/patients/:patientId/alert-settings — a linked doctor reads and sets the
// patient's alert thresholds (shared by the patient's carers) and their own delivery for this patient.
// Other doctors get 404 (no hint the patient exists); other roles 403; anonymous 401.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;

const DEFAULTS = { glucoseLowMgDl: 54, glucoseHighMgDl: 300, systolicHigh: 180, diastolicHigh: 120 };
const url = (patientId: string) => `/api/v1/patients/${patientId}/alert-settings`;
const getSettings = (patientId: string, cookie?: string) => api(url(patientId), { cookie });
const putSettings = (patientId: string, json: unknown, cookie?: string) => api(url(patientId), { method: 'PUT', json, cookie });

const ESCALATION = { escalateAfterMinutes: 15, escalateAgainAfterMinutes: 30, recheckAfterMinutes: 15 };

describe('alert settings', () => {
  let patient: SignedIn;
  let doctor: SignedIn;
  let secondDoctor: SignedIn;

  beforeAll(async () => {
    [patient, doctor, secondDoctor] = await Promise.all([
      createSignedInUser(),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'DOCTOR' }),
    ]);
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: secondDoctor.id, kind: 'DOCTOR' });
  });

  it('a linked doctor reads the defaults, then sets thresholds (shared) and their own delivery', async () => {
    const initial = await getSettings(patient.id, doctor.cookie);
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({ thresholds: DEFAULTS, delivery: 'IMMEDIATE', escalation: ESCALATION });

    const thresholds = { glucoseLowMgDl: 70, glucoseHighMgDl: 250, systolicHigh: 170, diastolicHigh: 110 };
    const put = await putSettings(patient.id, { thresholds }, doctor.cookie);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ thresholds, delivery: 'IMMEDIATE', escalation: ESCALATION });
    expect(await prisma.alertThresholds.findUnique({ where: { patientId: patient.id } })).toMatchObject({ ...thresholds, updatedById: doctor.id });

    const digest = await putSettings(patient.id, { delivery: 'DAILY_DIGEST' }, doctor.cookie);
    expect(digest.status).toBe(200);
    expect(digest.body).toEqual({ thresholds, delivery: 'DAILY_DIGEST', escalation: ESCALATION });
    expect((await getSettings(patient.id, doctor.cookie)).body).toEqual({ thresholds, delivery: 'DAILY_DIGEST', escalation: ESCALATION });

    // The other doctor sees the same thresholds and keeps their own delivery.
    expect((await getSettings(patient.id, secondDoctor.cookie)).body).toEqual({ thresholds, delivery: 'IMMEDIATE', escalation: ESCALATION });

    // Both at once; bounds are inclusive.
    const edge = { glucoseLowMgDl: 40, glucoseHighMgDl: 600, systolicHigh: 250, diastolicHigh: 90 };
    const both = await putSettings(patient.id, { thresholds: edge, delivery: 'IMMEDIATE' }, doctor.cookie);
    expect(both.status).toBe(200);
    expect(both.body).toEqual({ thresholds: edge, delivery: 'IMMEDIATE', escalation: ESCALATION });
  });

  it('escalation timings: the doctor sets the patient’s; bad ones are named and change nothing', async () => {
    const timings = { escalateAfterMinutes: 10, escalateAgainAfterMinutes: 20, recheckAfterMinutes: 15 };
    const put = await putSettings(patient.id, { escalation: timings }, doctor.cookie);
    expect(put.status).toBe(200);
    expect(put.body.escalation).toEqual(timings);
    expect((await getSettings(patient.id, secondDoctor.cookie)).body.escalation).toEqual(timings);
    const bad = await putSettings(patient.id, { escalation: { ...timings, escalateAgainAfterMinutes: 5 }, delivery: 'NONE' }, doctor.cookie);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toContainEqual({ field: 'escalation.escalateAgainAfterMinutes', reason: 'must be later than escalateAfterMinutes' });
    expect((await getSettings(patient.id, doctor.cookie)).body).toMatchObject({ escalation: timings, delivery: 'IMMEDIATE' });
    await putSettings(patient.id, { escalation: ESCALATION }, doctor.cookie);
  });

  it('implausible thresholds → 422 naming each field; nothing is changed', async () => {
    const before = (await getSettings(patient.id, doctor.cookie)).body;
    const res = await putSettings(
      patient.id,
      { thresholds: { glucoseLowMgDl: 30, glucoseHighMgDl: 150, systolicHigh: 180, diastolicHigh: 200 }, delivery: 'DAILY_DIGEST' },
      doctor.cookie,
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    const fields = (res.body.error.details as { field: string; reason: string }[]).map((d) => d.field);
    expect(new Set(fields)).toEqual(new Set(['glucoseLowMgDl', 'glucoseHighMgDl', 'diastolicHigh']));
    expect(res.body.error.details).toContainEqual({ field: 'glucoseLowMgDl', reason: 'Low glucose threshold must be between 40 and 100 mg/dL.' });
    expect(res.body.error.details).toContainEqual({ field: 'diastolicHigh', reason: 'Diastolic threshold must be below the systolic threshold.' });
    expect((await getSettings(patient.id, doctor.cookie)).body).toEqual(before);

    // Diastolic up to the systolic threshold, each within its own bounds.
    const crossed = await putSettings(patient.id, { thresholds: { ...DEFAULTS, glucoseLowMgDl: 100, glucoseHighMgDl: 200, systolicHigh: 140, diastolicHigh: 140 } }, doctor.cookie);
    expect(crossed.status).toBe(422);
    expect(crossed.body.error.details.map((d: { field: string }) => d.field)).toEqual(['diastolicHigh']);
  });

  it('malformed bodies → 422 (missing or unknown fields, wrong types, unknown delivery) or 415 (not JSON)', async () => {
    const bad = [
      { thresholds: { glucoseLowMgDl: 60 } },
      { thresholds: { ...DEFAULTS, glucoseLowMgDl: '60' } },
      { thresholds: { ...DEFAULTS, extra: 1 } },
      { delivery: 'WEEKLY' },
      { delivery: 'IMMEDIATE', patientId: randomUUID() },
    ];
    for (const json of bad) {
      const res = await putSettings(patient.id, json, doctor.cookie);
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    const text = await api(url(patient.id), { method: 'PUT', body: 'delivery=IMMEDIATE', headers: { 'content-type': 'text/plain' }, cookie: doctor.cookie });
    expect(text.status).toBe(415);
  });

  it('unlinked doctor, revoked link, unknown or malformed patient id, disabled patient → 404', async () => {
    const [unlinked, revoked, disabledPatient] = await Promise.all([
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser(),
    ]);
    await linkCare({ patientId: patient.id, carerId: revoked.id, kind: 'DOCTOR', revoked: true });
    await linkCare({ patientId: disabledPatient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await prisma.user.update({ where: { id: disabledPatient.id }, data: { disabledAt: new Date() } });

    const cases: [string, SignedIn][] = [
      [patient.id, unlinked],
      [patient.id, revoked],
      [randomUUID(), doctor],
      ['not-a-uuid', doctor],
      [disabledPatient.id, doctor],
    ];
    for (const [patientId, caller] of cases) {
      const read = await getSettings(patientId, caller.cookie);
      expect(read.status, patientId).toBe(404);
      expect(read.body).toMatchObject({ error: { code: 'NOT_FOUND', message: 'patient not found' } });
      const write = await putSettings(patientId, { thresholds: { ...DEFAULTS, glucoseLowMgDl: 90 } }, caller.cookie);
      expect(write.status, patientId).toBe(404);
    }
    // Even an implausible body is "not found" first: nothing tells an outsider about the patient.
    expect((await putSettings(patient.id, { thresholds: { ...DEFAULTS, glucoseLowMgDl: 5 } }, unlinked.cookie)).status).toBe(404);
    expect(await prisma.alertThresholds.findUnique({ where: { patientId: disabledPatient.id } })).toBeNull();
    expect((await prisma.alertThresholds.findUniqueOrThrow({ where: { patientId: patient.id } })).glucoseLowMgDl).not.toBe(90);
  });

  it('caregivers (even with alert permission), the patient and admins → 403; anonymous → 401', async () => {
    const [caregiver, admin] = await Promise.all([createSignedInUser({ role: 'CAREGIVER' }), createSignedInUser({ role: 'ADMIN' })]);
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: true, canReceiveAlerts: true } });
    for (const caller of [caregiver, patient, admin]) {
      const read = await getSettings(patient.id, caller.cookie);
      expect(read.status, caller.role).toBe(403);
      expect(read.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await putSettings(patient.id, { delivery: 'DAILY_DIGEST' }, caller.cookie)).status).toBe(403);
    }
    expect((await getSettings(patient.id)).status).toBe(401);
    expect((await putSettings(patient.id, { delivery: 'DAILY_DIGEST' })).status).toBe(401);
  });
});
