// Integration (real server and PostgreSQL): POST of entries, meals and dose logs honours Idempotency-Key, as
// the offline app relies on (it resends a queued item with the same key after a lost answer). A replay
// answers the first answer again and stores nothing more; the same key with another body, or sent to
// another endpoint, is refused (422 IDEMPOTENCY_KEY_REUSED) and changes nothing; keys are per user.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;
let other: SignedIn;
let caregiver: SignedIn;

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const postEntry = (json: unknown, key: string | null, cookie = patient.cookie, path = '/api/v1/users/me/entries') =>
  api(path, { json, cookie, headers: key === null ? {} : { 'idempotency-key': key } });
const glucoseRows = (userId: string, value: number) => prisma.healthSample.count({ where: { userId, type: 'BLOOD_GLUCOSE', value } });

beforeAll(async () => {
  [patient, other, caregiver] = await Promise.all([createSignedInUser({ timeZone: 'Europe/Berlin' }), createSignedInUser(), createSignedInUser({ role: 'CAREGIVER' })]);
  await linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER' });
  await prisma.careRelationship.updateMany({ where: { patientId: patient.id, carerId: caregiver.id }, data: { canLogData: true } });
});

describe('entries with an Idempotency-Key', () => {
  it('a reading sent twice with its key is stored once; the second answer is the first, marked replayed', async () => {
    const key = randomUUID();
    const body = { kind: 'glucose', value: 187, unit: 'mg/dL', mealContext: 'random', at: minutesAgo(10) };
    const first = await postEntry(body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await postEntry(body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await glucoseRows(patient.id, 187)).toBe(1);
  });

  it('an event (a note) sent twice with its key is stored once', async () => {
    const key = randomUUID();
    const text = `note ${key}`;
    const body = { kind: 'note', text, at: minutesAgo(9) };
    const first = await postEntry(body, key);
    const again = await postEntry(body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect(await prisma.healthEvent.count({ where: { userId: patient.id, kind: 'NOTE', occurredAt: new Date(first.body.at) } })).toBe(1);
  });

  it('the same key with another body is refused with 422 and stores nothing', async () => {
    const key = randomUUID();
    expect((await postEntry({ kind: 'glucose', value: 191, unit: 'mg/dL', mealContext: 'random', at: minutesAgo(8) }, key)).status).toBe(201);
    const changed = await postEntry({ kind: 'glucose', value: 192, unit: 'mg/dL', mealContext: 'random', at: minutesAgo(8) }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('Idempotency-Key') });
    expect(await glucoseRows(patient.id, 192)).toBe(0);
  });

  it('a refused request is not remembered: corrected and sent again with its key, it is stored', async () => {
    const key = randomUUID();
    const bad = await postEntry({ kind: 'glucose', value: 9999, unit: 'mg/dL', mealContext: 'random', at: minutesAgo(7) }, key);
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    // A key tried with a refused body holds nothing: a corrected body under it is a first request.
    const good = await postEntry({ kind: 'glucose', value: 193, unit: 'mg/dL', mealContext: 'random', at: minutesAgo(7) }, key);
    expect(good.status).toBe(201);
    expect(await glucoseRows(patient.id, 193)).toBe(1);
  });

  it('keys are per user: another patient, and a caregiver logging for this one, each store their own', async () => {
    const key = randomUUID();
    const body = { kind: 'glucose', value: 194, unit: 'mg/dL', mealContext: 'random', at: minutesAgo(6) };
    expect((await postEntry(body, key)).status).toBe(201);
    const others = await postEntry(body, key, other.cookie);
    expect(others.status).toBe(201);
    expect(others.headers.get('idempotent-replayed')).toBeNull();
    expect(await glucoseRows(other.id, 194)).toBe(1);
    const carers = await postEntry(body, key, caregiver.cookie, `/api/v1/patients/${patient.id}/entries`);
    expect(carers.status).toBe(201);
    expect(carers.body.recordedById).toBe(caregiver.id);
    expect(await glucoseRows(patient.id, 194)).toBe(2);
    // The caregiver's resend replays their own answer.
    const carersAgain = await postEntry(body, key, caregiver.cookie, `/api/v1/patients/${patient.id}/entries`);
    expect(carersAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(await glucoseRows(patient.id, 194)).toBe(2);
  });

  it('a malformed key is a 400 naming the header, and nothing is stored', async () => {
    const res = await postEntry({ kind: 'glucose', value: 195, unit: 'mg/dL', mealContext: 'random' }, 'has spaces in it');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Idempotency-Key');
    expect(await glucoseRows(patient.id, 195)).toBe(0);
  });
});

describe('dose logs with an Idempotency-Key', () => {
  let asNeeded: string;
  let other: string;
  const logDose = (medicationId: string, json: unknown, key: string) =>
    api(`/api/v1/users/me/medications/${medicationId}/doses`, { json, cookie: patient.cookie, headers: { 'idempotency-key': key } });
  const logsOf = (medicationId: string) => prisma.medicationLog.count({ where: { medicationId } });

  beforeAll(async () => {
    const add = (name: string) =>
      api('/api/v1/users/me/medications', { cookie: patient.cookie, json: { name, dose: '1 puff', schedule: { kind: 'asNeeded' }, startedOn: '2026-01-01' } });
    [asNeeded, other] = (await Promise.all([add('Salbutamol'), add('Ibuprofen')])).map((res) => {
      expect(res.status).toBe(201);
      return res.body.id as string;
    });
  });

  it('an extra dose sent twice with its key is logged once, answering the same log', async () => {
    const key = randomUUID();
    const body = { status: 'taken', takenAt: minutesAgo(5) };
    const first = await logDose(asNeeded, body, key);
    expect(first.status).toBe(201);
    const again = await logDose(asNeeded, body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await logsOf(asNeeded)).toBe(1);
  });

  it('the same key with another body, or for another medication, is refused with 422 and logs nothing', async () => {
    const key = randomUUID();
    const takenAt = minutesAgo(4);
    expect((await logDose(asNeeded, { status: 'taken', takenAt }, key)).status).toBe(201);
    const before = await logsOf(asNeeded);
    const changed = await logDose(asNeeded, { status: 'taken', takenAt: minutesAgo(3) }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const elsewhere = await logDose(other, { status: 'taken', takenAt }, key);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await logsOf(asNeeded)).toBe(before);
    expect(await logsOf(other)).toBe(0);
  });
});

describe('meals with an Idempotency-Key', () => {
  const postMeal = (json: unknown, key: string, cookie = patient.cookie, path = '/api/v1/users/me/meals') => api(path, { json, cookie, headers: { 'idempotency-key': key } });
  const mealsWith = (userId: string, carbsGrams: number) => prisma.meal.count({ where: { userId, carbsGrams } });

  it('a meal sent twice with its key is recorded once; the second answer is the first, marked replayed', async () => {
    const key = randomUUID();
    const body = { mealType: 'lunch', eatenAt: minutesAgo(20), carbsGrams: 61.5, description: 'dal and rice' };
    const first = await postMeal(body, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ mealType: 'lunch', carbsGrams: 61.5, description: 'dal and rice', recordedById: patient.id });
    const again = await postMeal(body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await mealsWith(patient.id, 61.5)).toBe(1);
  });

  it('the same key with another body, or on the entries endpoint, is refused with 422 and records nothing', async () => {
    const key = randomUUID();
    const eatenAt = minutesAgo(19);
    expect((await postMeal({ mealType: 'snack', eatenAt, carbsGrams: 12.5 }, key)).status).toBe(201);
    const changed = await postMeal({ mealType: 'snack', eatenAt, carbsGrams: 13.5 }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const asEntry = await postEntry({ kind: 'carbs', value: 12.5, at: eatenAt }, key);
    expect(asEntry.status).toBe(422);
    expect(asEntry.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await mealsWith(patient.id, 13.5)).toBe(0);
  });

  it("a caregiver's meal for the patient keeps its own key; a refused meal is judged again when corrected", async () => {
    const key = randomUUID();
    const path = `/api/v1/patients/${patient.id}/meals`;
    const bad = await postMeal({ mealType: 'dinner', eatenAt: minutesAgo(18), carbsGrams: -1 }, key, caregiver.cookie, path);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'carbsGrams' })]);
    const body = { mealType: 'dinner', eatenAt: minutesAgo(18), carbsGrams: 72.5 };
    const first = await postMeal(body, key, caregiver.cookie, path);
    expect(first.status).toBe(201);
    expect(first.body.recordedById).toBe(caregiver.id);
    expect((await postMeal(body, key, caregiver.cookie, path)).headers.get('idempotent-replayed')).toBe('true');
    // The patient's own request under the same key is theirs, not a replay of the caregiver's.
    const own = await postMeal(body, key);
    expect(own.status).toBe(201);
    expect(own.headers.get('idempotent-replayed')).toBeNull();
    expect(await mealsWith(patient.id, 72.5)).toBe(2);
  });
});
