// Integration: POST /api/v1/users/me/entries against the real server and PostgreSQL. Readings become samples
// of the patient's one "Manual entry" device through the sync path (canonical units, dirty ranges, then the
// pipeline); events go to health_events recorded by the caller; bad input is a 422 naming the field.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { MANUAL_DEVICE_IDENTIFIER } from '@/lib/data/entries';
import { createSignedInUser, waitForPipeline } from '@/test/factories';
import { api } from '@/test/http';
import { decryptDeviceName } from '@/lib/data/device-fields';
import { decryptEventPayload } from '@/lib/data/event-fields';
import { decryptSampleRowMetadata } from '@/lib/data/sample-fields';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;

const post = (json: unknown, cookie = patient.cookie) => api('/api/v1/users/me/entries', { json, cookie });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const samplesOf = (userId: string, clientRecordPrefix: string) =>
  prisma.healthSample.findMany({ where: { userId, clientRecordId: { startsWith: clientRecordPrefix } }, orderBy: { type: 'asc' } });

beforeAll(async () => {
  patient = await createSignedInUser({ timeZone: 'Europe/Berlin' });
});

describe('readings become samples of the manual-entry device', () => {
  it('stores a glucose reading with its meal context and who entered it, then the pipeline aggregates it', async () => {
    const since = new Date();
    const at = '2026-11-20T07:15:00+01:00';
    const res = await post({ kind: 'glucose', value: 104, unit: 'mg/dL', mealContext: 'before_breakfast', at });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      entryId: `reading:${res.body.id}`,
      kind: 'glucose',
      patientId: patient.id,
      recordedById: patient.id,
      at: '2026-11-20T06:15:00.000Z',
      value: 104,
      unit: 'mg/dL',
      mealContext: 'before_breakfast',
      canonical: { value: 104, unit: 'mg/dL' },
    });

    const [sample] = await samplesOf(patient.id, `manual:${res.body.id}`);
    expect(sample).toMatchObject({ type: 'BLOOD_GLUCOSE', value: 104, clientRecordId: `manual:${res.body.id}` });
    expect(await decryptSampleRowMetadata(sample!)).toEqual({ mealContext: 'before_breakfast', enteredBy: patient.id });
    expect(sample!.startAt.toISOString()).toBe('2026-11-20T06:15:00.000Z');
    expect(sample!.endAt.toISOString()).toBe('2026-11-20T06:15:00.000Z');
    const device = await prisma.device.findUniqueOrThrow({ where: { id: sample!.deviceId } });
    expect(device).toMatchObject({ userId: patient.id, type: 'manual', priority: 10, identifier: MANUAL_DEVICE_IDENTIFIER, revokedAt: null });
    expect(await decryptDeviceName(patient.id, device.id, device.name)).toBe('Manual entry');

    await waitForPipeline(patient.id, since);
    const day = await prisma.healthAggregate.findFirst({ where: { userId: patient.id, type: 'BLOOD_GLUCOSE', period: 'DAY', periodStart: new Date('2026-11-20T00:00:00Z') } });
    expect(day?.value).toBe(104);
  });

  it('converts mmol/L glucose and pounds to the canonical units, answering with both', async () => {
    const glucose = await post({ kind: 'glucose', value: 5.8, unit: 'mmol/L', mealContext: 'fasting', at: minutesAgo(30) });
    expect(glucose.status).toBe(201);
    expect(glucose.body).toMatchObject({ value: 5.8, unit: 'mmol/L', canonical: { unit: 'mg/dL' } });
    expect(glucose.body.canonical.value).toBeCloseTo(5.8 * 18.0156, 6);
    const [g] = await samplesOf(patient.id, `manual:${glucose.body.id}`);
    expect(g!.value).toBeCloseTo(104.49048, 4);

    const weight = await post({ kind: 'weight', value: 165, unit: 'lb', at: minutesAgo(29) });
    expect(weight.status).toBe(201);
    expect(weight.body.canonical.unit).toBe('kg');
    const [w] = await samplesOf(patient.id, `manual:${weight.body.id}`);
    expect(w).toMatchObject({ type: 'WEIGHT' });
    expect(await decryptSampleRowMetadata(w!)).toEqual({ enteredBy: patient.id });
    expect(w!.value).toBeCloseTo(165 * 0.45359237, 9);
  });

  it('stores blood pressure as a systolic and a diastolic sample sharing one timestamp', async () => {
    const res = await post({ kind: 'blood_pressure', systolic: 128, diastolic: 82, at: minutesAgo(20) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'blood_pressure', systolic: 128, diastolic: 82, unit: 'mmHg' });
    const samples = await samplesOf(patient.id, `manual:${res.body.id}`);
    expect(samples.map((s) => [s.type, s.value, s.clientRecordId])).toEqual([
      ['BLOOD_PRESSURE_SYSTOLIC', 128, `manual:${res.body.id}:systolic`],
      ['BLOOD_PRESSURE_DIASTOLIC', 82, `manual:${res.body.id}:diastolic`],
    ]);
    expect(samples[0]!.startAt).toEqual(samples[1]!.startAt);
    expect(samples[0]!.deviceId).toBe(samples[1]!.deviceId);
  });

  it('stores an insulin dose in [iU] with its kind, and carbohydrates in g', async () => {
    const dose = await post({ kind: 'insulin', value: 4.5, insulinKind: 'bolus', at: minutesAgo(15) });
    expect(dose.status).toBe(201);
    expect(dose.body).toMatchObject({ kind: 'insulin', value: 4.5, unit: 'U', insulinKind: 'bolus', canonical: { value: 4.5, unit: '[iU]' } });
    const [d] = await samplesOf(patient.id, `manual:${dose.body.id}`);
    expect(d).toMatchObject({ type: 'INSULIN', value: 4.5, category: 'bolus' });
    expect(await decryptSampleRowMetadata(d!)).toEqual({ enteredBy: patient.id });

    const carbs = await post({ kind: 'carbs', value: 45, at: minutesAgo(15) });
    expect(carbs.status).toBe(201);
    expect(carbs.body).toMatchObject({ kind: 'carbs', value: 45, unit: 'g', canonical: { value: 45, unit: 'g' } });
    const [c] = await samplesOf(patient.id, `manual:${carbs.body.id}`);
    expect(c).toMatchObject({ type: 'CARBOHYDRATES', value: 45, category: null });
  });

  it('records "now" when no time is given', async () => {
    const before = Date.now();
    const res = await post({ kind: 'weight', value: 70.2, unit: 'kg' });
    expect(res.status).toBe(201);
    const at = Date.parse(res.body.at);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('creates one manual device per patient, even for concurrent first entries', async () => {
    const fresh = await createSignedInUser();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post({ kind: 'weight', value: 80 + i, unit: 'kg', at: minutesAgo(10 + i) }, fresh.cookie)),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const devices = await prisma.device.findMany({ where: { userId: fresh.id } });
    expect(devices).toHaveLength(1);
    expect(await prisma.healthSample.count({ where: { userId: fresh.id, deviceId: devices[0]!.id } })).toBe(6);
  });

  it('keeps using the manual device after the patient renames it', async () => {
    const fresh = await createSignedInUser();
    const first = await post({ kind: 'weight', value: 70, unit: 'kg', at: minutesAgo(5) }, fresh.cookie);
    const [s1] = await samplesOf(fresh.id, `manual:${first.body.id}`);
    // Through the API: a name written to the column directly is not encrypted, and every list of devices would fail on it.
    expect((await api(`/api/v1/devices/${s1!.deviceId}`, { method: 'PATCH', cookie: fresh.cookie, json: { name: 'Typed by hand' } })).status).toBe(200);
    const second = await post({ kind: 'weight', value: 71, unit: 'kg', at: minutesAgo(4) }, fresh.cookie);
    const [s2] = await samplesOf(fresh.id, `manual:${second.body.id}`);
    expect(s2!.deviceId).toBe(s1!.deviceId);
  });
});

describe('events go to health_events, recorded by the caller', () => {
  it.each([
    [{ kind: 'mood', score: 4, note: '  Slept well  ' }, 'MOOD', { score: 4, note: 'Slept well' }],
    [{ kind: 'mood', score: 2 }, 'MOOD', { score: 2, note: null }],
    [{ kind: 'symptom', name: 'Headache', severity: 3, note: 'after lunch' }, 'SYMPTOM', { name: 'Headache', severity: 3, note: 'after lunch' }],
    [{ kind: 'medication', name: 'Metformin', dose: '500 mg' }, 'MEDICATION', { name: 'Metformin', dose: '500 mg', status: 'taken' }],
    [{ kind: 'medication', name: 'Metformin' }, 'MEDICATION', { name: 'Metformin', dose: null, status: 'taken' }],
    [{ kind: 'note', text: 'Started the new walking plan.' }, 'NOTE', { text: 'Started the new walking plan.' }],
  ] as const)('%j → %s', async (body, kind, payload) => {
    const at = minutesAgo(60);
    const res = await post({ ...body, at });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), entryId: `event:${res.body.id}`, kind: body.kind, patientId: patient.id, recordedById: patient.id, at, ...payload });
    const event = await prisma.healthEvent.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(event).toMatchObject({ userId: patient.id, kind, recordedById: patient.id, supersedesId: null });
    expect(await decryptEventPayload(patient.id, event.id, event.payload)).toEqual(payload);
    expect(event.occurredAt.toISOString()).toBe(at);
  });

  it('does not start the pipeline or touch samples for an event', async () => {
    const fresh = await createSignedInUser();
    expect((await post({ kind: 'note', text: 'hello' }, fresh.cookie)).status).toBe(201);
    expect(await prisma.device.count({ where: { userId: fresh.id } })).toBe(0);
    expect(await prisma.dirtyRange.count({ where: { userId: fresh.id } })).toBe(0);
  });
});

describe('ownership comes from the session, never from the body', () => {
  it('ignores userId, patientId, recordedById and role in the body', async () => {
    const other = await createSignedInUser();
    const res = await post({ kind: 'note', text: 'mine', userId: other.id, patientId: other.id, recordedById: other.id, role: 'DOCTOR' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ patientId: patient.id, recordedById: patient.id });
    expect(await prisma.healthEvent.count({ where: { userId: other.id } })).toBe(0);

    const reading = await post({ kind: 'weight', value: 72, unit: 'kg', userId: other.id, enteredBy: other.id });
    const [sample] = await samplesOf(patient.id, `manual:${reading.body.id}`);
    expect(sample).toMatchObject({ userId: patient.id });
    expect(await decryptSampleRowMetadata(sample!)).toEqual({ enteredBy: patient.id });
    expect(await prisma.healthSample.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe('bad input → 422 naming the field', () => {
  const future = () => new Date(Date.now() + 60 * 60_000).toISOString();
  const cases: [string, () => unknown, string][] = [
    ['a body that is not an object', () => [1, 2], '(body)'],
    ['no kind', () => ({ value: 5 }), 'kind'],
    ['an unknown kind', () => ({ kind: 'steps', value: 5 }), 'kind'],
    ['glucose without meal context', () => ({ kind: 'glucose', value: 100, unit: 'mg/dL' }), 'mealContext'],
    ['glucose with an unknown meal context', () => ({ kind: 'glucose', value: 100, unit: 'mg/dL', mealContext: 'brunch' }), 'mealContext'],
    ['glucose in an unknown unit', () => ({ kind: 'glucose', value: 100, unit: 'g/L', mealContext: 'random' }), 'unit'],
    ['glucose as a string', () => ({ kind: 'glucose', value: '100', unit: 'mg/dL', mealContext: 'random' }), 'value'],
    ['an implausible glucose', () => ({ kind: 'glucose', value: 90, unit: 'mmol/L', mealContext: 'random' }), 'value'],
    ['a negative weight', () => ({ kind: 'weight', value: -3, unit: 'kg' }), 'value'],
    ['an implausible weight', () => ({ kind: 'weight', value: 2000, unit: 'lb' }), 'value'],
    ['weight in stones', () => ({ kind: 'weight', value: 11, unit: 'st' }), 'unit'],
    ['an implausible systolic', () => ({ kind: 'blood_pressure', systolic: 400, diastolic: 80 }), 'systolic'],
    ['diastolic above systolic', () => ({ kind: 'blood_pressure', systolic: 80, diastolic: 120 }), 'diastolic'],
    ['blood pressure without diastolic', () => ({ kind: 'blood_pressure', systolic: 120 }), 'diastolic'],
    ['insulin without its kind', () => ({ kind: 'insulin', value: 4 }), 'insulinKind'],
    ['insulin of a pump-only kind', () => ({ kind: 'insulin', value: 0.3, insulinKind: 'smb' }), 'insulinKind'],
    ['a zero insulin dose', () => ({ kind: 'insulin', value: 0, insulinKind: 'bolus' }), 'value'],
    ['an implausible insulin dose', () => ({ kind: 'insulin', value: 150, insulinKind: 'bolus' }), 'value'],
    ['an implausible carb amount', () => ({ kind: 'carbs', value: 5000 }), 'value'],
    ['mood 6', () => ({ kind: 'mood', score: 6 }), 'score'],
    ['mood 0', () => ({ kind: 'mood', score: 0 }), 'score'],
    ['mood 2.5', () => ({ kind: 'mood', score: 2.5 }), 'score'],
    ['a symptom without a name', () => ({ kind: 'symptom', name: '   ', severity: 2 }), 'name'],
    ['a symptom name too long', () => ({ kind: 'symptom', name: 'x'.repeat(101), severity: 2 }), 'name'],
    ['a note too long', () => ({ kind: 'note', text: 'x'.repeat(2001) }), 'text'],
    ['a mood note too long', () => ({ kind: 'mood', score: 3, note: 'x'.repeat(1001) }), 'note'],
    ['a NUL character', () => ({ kind: 'note', text: 'a\u0000b' }), 'text'],
    ['a time in the future', () => ({ kind: 'note', text: 'later', at: future() }), 'at'],
    ['a reading in the future', () => ({ kind: 'weight', value: 70, unit: 'kg', at: future() }), 'at'],
    ['a time without an offset', () => ({ kind: 'note', text: 'x', at: '2026-11-20T08:00:00' }), 'at'],
    ['an impossible date', () => ({ kind: 'note', text: 'x', at: '2026-02-30T08:00:00Z' }), 'at'],
    ['a time before 1970', () => ({ kind: 'note', text: 'x', at: '1969-12-31T23:00:00Z' }), 'at'],
  ];

  it.each(cases)('%s', async (_name, body, field) => {
    const before = await prisma.healthEvent.count({ where: { userId: patient.id } });
    const res = await post(body());
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await prisma.healthEvent.count({ where: { userId: patient.id } })).toBe(before);
  });

  it.each([
    [{ kind: 'glucose', value: 90, unit: 'mmol/L', mealContext: 'random' }, { field: 'value', reason: 'must be between 0.6 and 55.5 mmol/L' }],
    [{ kind: 'glucose', value: 5, unit: 'mg/dL', mealContext: 'random' }, { field: 'value', reason: 'must be between 10 and 1000 mg/dL' }],
    [{ kind: 'weight', value: 1.1, unit: 'lb' }, { field: 'value', reason: 'must be between 1.2 and 1102.3 lb' }],
    [{ kind: 'blood_pressure', systolic: 320, diastolic: 90 }, { field: 'systolic', reason: 'must be between 40 and 300 mmHg' }],
    [{ kind: 'insulin', value: 120, insulinKind: 'basal' }, { field: 'value', reason: 'must be between 0 and 100 U' }],
    [{ kind: 'carbs', value: 1500 }, { field: 'value', reason: 'must be between 0 and 1000 g' }],
  ])('says the plausible range of %j in the unit that was entered', async (body, detail) => {
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([detail]);
  });

  it('answers 400 to malformed JSON and 415 to another content type', async () => {
    expect((await api('/api/v1/users/me/entries', { body: '{"kind":', cookie: patient.cookie, headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await api('/api/v1/users/me/entries', { body: 'kind=note', cookie: patient.cookie, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });
});

describe('who may call it', () => {
  it('answers 401 to an anonymous caller', async () => {
    const res = await api('/api/v1/users/me/entries', { json: { kind: 'note', text: 'x' } });
    expect(res.status).toBe(401);
  });

  it.each(['DOCTOR', 'CAREGIVER', 'ADMIN'] as const)('answers 403 to a %s (they log for a patient through /patients/{id}/entries)', async (role) => {
    const user = await createSignedInUser({ role });
    const res = await post({ kind: 'note', text: 'x' }, user.cookie);
    expect(res.status).toBe(403);
    expect(await prisma.healthEvent.count({ where: { userId: user.id } })).toBe(0);
  });
});
