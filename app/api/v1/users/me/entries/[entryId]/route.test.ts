// Integration: corrections (issue 19) against the real server and PostgreSQL. PATCH / DELETE
// /api/v1/users/me/entries/{entryId} and /api/v1/patients/{id}/entries/{entryId} (and the meals' PATCH /
// DELETE): the author or the patient corrects or retracts a hand-made entry; the earlier states stay in the
// history; a device's sample is refused; bad input changes nothing; and after a reading moved to another
// day and another was retracted, the aggregates equal a fresh computation from scratch.
import { beforeAll, describe, expect, it } from 'vitest';

// Under `next dev` each new route compiles on its first call: these tests call several, so allow for it.
const SLOW = 180_000;
import { markHistoryDirty, recomputeDirtyRanges } from '@/lib/data/aggregation/recompute-user';
import { pool, prisma } from '@/lib/db/client';
import { createDevice, createSignedInUser, waitFor, waitForPipeline } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;
let caregiver: SignedIn; // can log for the patient
let otherCaregiver: SignedIn; // can log too, but did not author the entries
let stranger: SignedIn;

const entries = (cookie: string, json: unknown) => api('/api/v1/users/me/entries', { json, cookie });
const me = (entryId: string, init: { method: string; json?: unknown; cookie?: string }) => api(`/api/v1/users/me/entries/${entryId}`, init);
const forPatient = (entryId: string, init: { method: string; json?: unknown; cookie?: string }) => api(`/api/v1/patients/${patient.id}/entries/${entryId}`, init);
const history = (entryId: string, cookie: string) => api(`/api/v1/users/me/entries/${entryId}/history`, { cookie });
const glucoseSamples = (userId: string) =>
  prisma.healthSample.findMany({ where: { userId, type: 'BLOOD_GLUCOSE' }, orderBy: { startAt: 'asc' }, select: { startAt: true, value: true, version: true, clientRecordId: true } });

async function caregiverOf(patientId: string): Promise<SignedIn> {
  const user = await createSignedInUser({ role: 'CAREGIVER' });
  await prisma.careRelationship.create({ data: { patientId, carerId: user.id, kind: 'CAREGIVER', canView: true, canLogData: true } });
  return user;
}

async function aggregates(userId: string) {
  const { rows } = await pool().query(
    `SELECT type::text, period::text, to_char(period_start, 'YYYY-MM-DD"T"HH24:MI') AS start, count, round(value::numeric, 6) AS value,
            round(min::numeric, 6) AS min, round(max::numeric, 6) AS max
     FROM health_aggregates WHERE user_id = $1 ORDER BY type, period, period_start`,
    [userId],
  );
  return rows;
}

beforeAll(async () => {
  [patient, stranger] = await Promise.all([createSignedInUser({ timeZone: 'Europe/Berlin' }), createSignedInUser({ timeZone: 'UTC' })]);
  [caregiver, otherCaregiver] = await Promise.all([caregiverOf(patient.id), caregiverOf(patient.id)]);
});

describe('a reading entered by hand', () => {
  it('is corrected (value and day), another retracted, the history kept, and the aggregates equal a fresh computation', async () => {
    // Days in the past, readings away from midnight in Berlin.
    const wrong = await entries(patient.cookie, { kind: 'glucose', value: 410, unit: 'mg/dL', mealContext: 'fasting', at: '2026-11-03T07:00:00+01:00' });
    const kept = await entries(patient.cookie, { kind: 'glucose', value: 120, unit: 'mg/dL', mealContext: 'random', at: '2026-11-03T12:00:00+01:00' });
    const doomed = await entries(patient.cookie, { kind: 'glucose', value: 60, unit: 'mg/dL', mealContext: 'random', at: '2026-11-05T12:00:00+01:00' });
    const other = await entries(patient.cookie, { kind: 'glucose', value: 150, unit: 'mg/dL', mealContext: 'random', at: '2026-11-04T12:00:00+01:00' });
    for (const r of [wrong, kept, doomed, other]) expect(r.status).toBe(201);
    expect(wrong.body.entryId).toBe(`reading:${wrong.body.id}`);
    await waitForPipeline(patient.id, new Date(Date.now() - 60_000));

    const since = new Date();
    const corrected = await me(wrong.body.entryId, { method: 'PATCH', json: { value: 7.5, unit: 'mmol/L', at: '2026-11-04T08:00:00+01:00' }, cookie: patient.cookie });
    expect(corrected.status).toBe(200);
    expect(corrected.body.entry).toMatchObject({ entryId: wrong.body.entryId, kind: 'glucose', at: '2026-11-04T07:00:00.000Z', unit: 'mg/dL', mealContext: 'fasting', recordedById: patient.id });
    expect(corrected.body.entry.value).toBeCloseTo(7.5 * 18.0156, 6);
    expect((await me(doomed.body.entryId, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    await waitForPipeline(patient.id, since);
    // Insights refreshed as after a sync (the aggregate run triggers them).
    await waitFor(() => prisma.jobRun.count({ where: { userId: patient.id, functionId: 'insights', status: 'SUCCEEDED', startedAt: { gte: since } } }), 'the insights run', 60_000);

    // What remains: one sample per reading, the corrected one a newer version at its new time.
    const samples = await glucoseSamples(patient.id);
    expect(samples.map((s) => [s.startAt.toISOString(), s.version])).toEqual([
      ['2026-11-03T11:00:00.000Z', null],
      ['2026-11-04T07:00:00.000Z', 1],
      ['2026-11-04T11:00:00.000Z', null],
    ]);
    // The 3rd lost its 410 (only 120 left), the 4th has both, the 5th nothing.
    const days = (await aggregates(patient.id)).filter((r) => r.type === 'BLOOD_GLUCOSE' && r.period === 'DAY');
    expect(days.map((d) => [d.start, d.count])).toEqual([['2026-11-03T00:00', 1], ['2026-11-04T00:00', 2]]);
    expect(Number(days[0]!.max)).toBe(120);

    // A fresh computation from scratch over the same remaining samples gives the same rows.
    const incremental = await aggregates(patient.id);
    await prisma.healthAggregate.deleteMany({ where: { userId: patient.id } });
    await markHistoryDirty(patient.id);
    await recomputeDirtyRanges(patient.id);
    expect(await aggregates(patient.id)).toEqual(incremental);

    // The history: as created, then as corrected; the retracted one keeps its last state.
    const h = await history(wrong.body.entryId, patient.cookie);
    expect(h.status).toBe(200);
    expect(h.body.revisions.map((r: { revision: number; action: string }) => [r.revision, r.action])).toEqual([[0, 'CREATED'], [1, 'CORRECTED']]);
    expect(h.body.revisions[0]).toMatchObject({ by: { id: patient.id }, entry: { value: 410, at: '2026-11-03T06:00:00.000Z' } });
    expect(h.body.revisions[1].entry.value).toBeCloseTo(135.117, 3);
    const gone = await history(doomed.body.entryId, patient.cookie);
    expect(gone.body.revisions.map((r: { action: string; entry: unknown }) => [r.action, r.entry === null])).toEqual([['CREATED', false], ['RETRACTED', true]]);
    expect(gone.body.revisions[0].entry).toMatchObject({ value: 60 });
    // Retracted: cannot be corrected or retracted again.
    expect((await me(doomed.body.entryId, { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
    // Audited: the patient's own corrections.
    const audits = await prisma.auditLog.count({ where: { actorUserId: patient.id, occurredAt: { gte: since }, action: { in: ['PATCH /api/v1/users/me/entries/[entryId]', 'DELETE /api/v1/users/me/entries/[entryId]'] } } });
    expect(audits).toBeGreaterThanOrEqual(2);
  }, SLOW);

  it('refuses bad input with a 422 naming the field, changing nothing', async () => {
    const entry = await entries(patient.cookie, { kind: 'blood_pressure', systolic: 130, diastolic: 85, at: '2026-11-06T09:00:00+01:00' });
    const before = await prisma.healthSample.findMany({ where: { clientRecordId: { startsWith: `manual:${entry.body.id}` } }, orderBy: { type: 'asc' } });
    const cases: [unknown, string][] = [
      [{ diastolic: 140 }, 'diastolic'],
      [{ systolic: 'high' }, 'systolic'],
      [{ kind: 'weight' }, 'kind'],
      [{ at: '2999-01-01T00:00:00Z' }, 'at'],
      [{}, 'body'],
    ];
    for (const [json, field] of cases) {
      const res = await me(entry.body.entryId, { method: 'PATCH', json, cookie: patient.cookie });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const glucose = await entries(patient.cookie, { kind: 'glucose', value: 100, unit: 'mg/dL', mealContext: 'random', at: '2026-11-06T10:00:00+01:00' });
    const noUnit = await me(glucose.body.entryId, { method: 'PATCH', json: { value: 5.5 }, cookie: patient.cookie });
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.error.details).toEqual([{ field: 'unit', reason: 'is required with value' }]);
    expect(await prisma.healthSample.findMany({ where: { clientRecordId: { startsWith: `manual:${entry.body.id}` } }, orderBy: { type: 'asc' } })).toEqual(before);
    expect(await prisma.entryRevision.count({ where: { userId: patient.id, entryId: entry.body.id } })).toBe(0);

    // A blood pressure corrected whole: both samples move together.
    const ok = await me(entry.body.entryId, { method: 'PATCH', json: { systolic: 128, diastolic: 80 }, cookie: patient.cookie });
    expect(ok.status).toBe(200);
    expect(ok.body.entry).toMatchObject({ kind: 'blood_pressure', systolic: 128, diastolic: 80, at: '2026-11-06T08:00:00.000Z' });
  }, SLOW);

  it('refuses a device-synced sample (403), and unknown or malformed ids are 404', async () => {
    const watch = await createDevice(patient.id, 'glucometer', 'Meter');
    const sync = await api(`/api/v1/devices/${watch.id}/sync`, {
      json: { samples: [{ type: 'BLOOD_GLUCOSE', value: 99, unit: 'mg/dL', startDate: '2026-11-07T10:00:00Z', endDate: '2026-11-07T10:00:00Z', clientRecordId: 'meter-1' }] },
      token: watch.token,
    });
    expect(sync.status).toBe(200);
    const sample = await prisma.healthSample.findFirstOrThrow({ where: { deviceId: watch.id } });
    const res = await me(`sample:${sample.id}`, { method: 'PATCH', json: { value: 90, unit: 'mg/dL' }, cookie: patient.cookie });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/device-synced sample .* its device corrects it/);
    expect((await me(`sample:${sample.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(403);
    expect(await prisma.healthSample.count({ where: { deviceId: watch.id } })).toBe(1);
    for (const id of ['reading:not-a-uuid', 'nonsense', `reading:${crypto.randomUUID()}`, `event:${crypto.randomUUID()}`]) {
      expect((await me(id, { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
    }
  }, SLOW);
});

describe('who may correct', () => {
  it('the author caregiver and the patient; not another caregiver, a doctor, another patient, or nobody', async () => {
    const byCaregiver = await api(`/api/v1/patients/${patient.id}/entries`, { json: { kind: 'mood', score: 2, note: 'tired', at: '2026-11-08T09:00:00Z' }, cookie: caregiver.cookie });
    expect(byCaregiver.status).toBe(201);
    const id = byCaregiver.body.entryId;
    expect(id).toMatch(/^event:/);

    expect((await forPatient(id, { method: 'PATCH', json: { score: 3 }, cookie: otherCaregiver.cookie })).status).toBe(404);
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR', canView: true, canLogData: true } });
    expect([403, 404]).toContain((await forPatient(id, { method: 'PATCH', json: { score: 3 }, cookie: doctor.cookie })).status);
    expect((await me(id, { method: 'PATCH', json: { score: 3 }, cookie: stranger.cookie })).status).toBe(404);
    expect((await me(id, { method: 'PATCH', json: { score: 3 } })).status).toBe(401);
    expect((await forPatient(id, { method: 'DELETE' })).status).toBe(401);
    expect((await api(`/api/v1/patients/${patient.id}/entries/${id}/history`, { cookie: otherCaregiver.cookie })).status).toBe(404);

    const byAuthor = await forPatient(id, { method: 'PATCH', json: { score: 3, note: 'better after lunch' }, cookie: caregiver.cookie });
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body.entry).toMatchObject({ kind: 'mood', score: 3, note: 'better after lunch', recordedById: caregiver.id });
    const byPatient = await me(id, { method: 'PATCH', json: { note: 'fine' }, cookie: patient.cookie });
    expect(byPatient.status).toBe(200);
    expect(byPatient.body.entry).toMatchObject({ score: 3, note: 'fine' });

    const h = await api(`/api/v1/patients/${patient.id}/entries/${id}/history`, { cookie: caregiver.cookie });
    expect(h.status).toBe(200);
    expect(h.body.revisions.map((r: { action: string; by: { id: string } }) => [r.action, r.by.id])).toEqual([
      ['CREATED', caregiver.id],
      ['CORRECTED', caregiver.id],
      ['CORRECTED', patient.id],
    ]);
    expect(h.body.revisions.map((r: { entry: { score: number; note: string } }) => r.entry.note)).toEqual(['tired', 'better after lunch', 'fine']);
    // The event row itself holds the latest state; the caregiver retracts it, the history stays.
    expect((await forPatient(id, { method: 'DELETE', cookie: caregiver.cookie })).status).toBe(204);
    expect(await prisma.healthEvent.count({ where: { id: id.slice('event:'.length) } })).toBe(0);
    expect((await history(id, patient.cookie)).body.revisions.at(-1)).toMatchObject({ revision: 3, action: 'RETRACTED', entry: null });
  }, SLOW);
});

describe('meals', () => {
  it('PATCH corrects a meal, DELETE retracts it, the history kept; a caregiver only their own', async () => {
    const meal = await api('/api/v1/users/me/meals', { json: { mealType: 'lunch', eatenAt: '2026-11-09T12:00:00Z', carbsGrams: 60, description: 'pasta' }, cookie: patient.cookie });
    expect(meal.status).toBe(201);
    const bad = await api(`/api/v1/users/me/meals/${meal.body.id}`, { method: 'PATCH', json: { carbsGrams: -5 }, cookie: patient.cookie });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('carbsGrams');
    const fixed = await api(`/api/v1/users/me/meals/${meal.body.id}`, { method: 'PATCH', json: { carbsGrams: 45 }, cookie: patient.cookie });
    expect(fixed.status).toBe(200);
    expect(fixed.body.entry).toMatchObject({ kind: 'meal', carbsGrams: 45, description: 'pasta', mealType: 'lunch' });
    expect((await api(`/api/v1/patients/${patient.id}/meals/${meal.body.id}`, { method: 'PATCH', json: { carbsGrams: 50 }, cookie: caregiver.cookie })).status).toBe(404);
    expect((await api(`/api/v1/users/me/meals/${meal.body.id}`, { method: 'DELETE', cookie: stranger.cookie })).status).toBe(404);
    expect((await api(`/api/v1/users/me/meals/${meal.body.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    const h = await history(`meal:${meal.body.id}`, patient.cookie);
    expect(h.body.revisions.map((r: { action: string; entry: { carbsGrams: number } | null }) => [r.action, r.entry?.carbsGrams ?? null])).toEqual([
      ['CREATED', 60],
      ['CORRECTED', 45],
      ['RETRACTED', null],
    ]);
  }, SLOW);
});

describe('the timeline', () => {
  it('gives hand-made entries their handle, marks corrected ones, and drops retracted ones', async () => {
    const user = await createSignedInUser({ timeZone: 'UTC' });
    const post = (json: unknown) => entries(user.cookie, json);
    const kept = await post({ kind: 'weight', value: 80, unit: 'kg', at: '2026-11-10T08:00:00Z' });
    const fixed = await post({ kind: 'note', text: 'typo', at: '2026-11-10T09:00:00Z' });
    const gone = await post({ kind: 'glucose', value: 99, unit: 'mg/dL', mealContext: 'random', at: '2026-11-10T10:00:00Z' });
    expect((await me(fixed.body.entryId, { method: 'PATCH', json: { text: 'no typo' }, cookie: user.cookie })).status).toBe(200);
    expect((await me(gone.body.entryId, { method: 'DELETE', cookie: user.cookie })).status).toBe(204);
    const device = await createDevice(user.id, 'scale', 'Scale');
    await api(`/api/v1/devices/${device.id}/sync`, { json: { samples: [{ type: 'WEIGHT', value: 81, unit: 'kg', startDate: '2026-11-10T07:00:00Z', endDate: '2026-11-10T07:00:00Z' }] }, token: device.token });

    const timeline = await api('/api/v1/users/me/timeline?limit=10', { cookie: user.cookie });
    expect(timeline.status).toBe(200);
    const items = timeline.body.items as { kind: string; entry?: { id: string; corrected: boolean }; text?: string; value?: number }[];
    expect(items.map((i) => [i.kind, i.entry ?? null])).toEqual([
      ['note', { id: fixed.body.entryId, corrected: true }],
      ['weight', { id: kept.body.entryId, corrected: false }],
      ['weight', null], // the scale's: its device corrects it
    ]);
    expect(items[0]!.text).toBe('no typo');
  }, SLOW);
});
