// Integration (HTTP, real PostgreSQL): a patient's meals — recording, validation naming the field, the
// description and the photo encrypted at rest, the photo's round trip, deletion with its photo, and each
// meal's excursion from CGM and meter readings with the patterns among them.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { objectStore } from '@/lib/maintenance/object-store';
import { TINY_PNG } from '@/test/authorization-meals';
import { createDevice, createSignedInUser, syncSamples } from '@/test/factories';
import { api, baseUrl } from '@/test/http';

let patient: { id: string; cookie: string };

beforeAll(async () => {
  patient = await createSignedInUser({ timeZone: 'Europe/Berlin' });
});

const putPhoto = (mealId: string, bytes: Uint8Array, cookie = patient.cookie, contentType = 'image/png') =>
  fetch(`${baseUrl()}/api/v1/users/me/meals/${mealId}/photo`, { method: 'PUT', headers: { cookie, 'content-type': contentType }, body: Buffer.from(bytes) });

describe('POST /api/v1/users/me/meals', () => {
  it('records a meal with its description encrypted at rest', async () => {
    const res = await api('/api/v1/users/me/meals', { cookie: patient.cookie, json: { mealType: 'breakfast', eatenAt: '2026-11-03T07:30:00Z', carbsGrams: 55, description: 'Porridge with secret-berries' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mealType: 'breakfast', eatenAt: '2026-11-03T07:30:00.000Z', carbsGrams: 55, description: 'Porridge with secret-berries', hasPhoto: false, source: 'app', recordedById: patient.id });
    const row = await prisma.meal.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.description).toMatch(/^v1\./);
    expect(row.description).not.toContain('secret');
    expect(row.mealType).toBe('BREAKFAST');
  });

  it('refuses bad input with 422 naming each field, and stores nothing', async () => {
    const before = await prisma.meal.count({ where: { userId: patient.id } });
    const cases: [unknown, string][] = [
      [{ mealType: 'brunch' }, 'mealType'],
      [{}, 'mealType'],
      [{ mealType: 'lunch', carbsGrams: -5 }, 'carbsGrams'],
      [{ mealType: 'lunch', carbsGrams: '40' }, 'carbsGrams'],
      [{ mealType: 'lunch', carbsGrams: 5000 }, 'carbsGrams'],
      [{ mealType: 'lunch', eatenAt: 'yesterday' }, 'eatenAt'],
      [{ mealType: 'lunch', eatenAt: new Date(Date.now() + 3_600_000).toISOString() }, 'eatenAt'],
      [{ mealType: 'lunch', description: 'x'.repeat(501) }, 'description'],
      [{ mealType: 'lunch', description: 'a\u0000b' }, 'description'],
    ];
    for (const [json, field] of cases) {
      const res = await api('/api/v1/users/me/meals', { cookie: patient.cookie, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field), JSON.stringify(json)).toContain(field);
    }
    const unknown = await api('/api/v1/users/me/meals', { cookie: patient.cookie, json: { mealType: 'lunch', calories: 300 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].reason).toContain('calories');
    expect(await prisma.meal.count({ where: { userId: patient.id } })).toBe(before);
  });

  it('is for patients only', async () => {
    const doctor = await createSignedInUser({ role: 'CAREGIVER' });
    expect((await api('/api/v1/users/me/meals', { cookie: doctor.cookie, json: { mealType: 'lunch' } })).status).toBe(403);
  });
});

describe('the photo', () => {
  it('round-trips, encrypted in the object store, never cached; replacing and deleting remove the old object', async () => {
    const meal = (await api('/api/v1/users/me/meals', { cookie: patient.cookie, json: { mealType: 'dinner', eatenAt: '2026-11-03T18:00:00Z' } })).body;
    expect((await putPhoto(meal.id, TINY_PNG, patient.cookie, 'image/jpeg')).status).toBe(204); // the label is ignored, the bytes decide
    const row = await prisma.meal.findUniqueOrThrow({ where: { id: meal.id } });
    const stored = Buffer.from((await objectStore().get(row.photoKey!))!);
    expect(stored.includes(TINY_PNG.subarray(0, 8))).toBe(false);
    expect(stored.includes(Buffer.from('IHDR'))).toBe(false);
    expect(stored.includes(Buffer.from(TINY_PNG.toString('base64').slice(0, 16)))).toBe(false);

    const got = await fetch(`${baseUrl()}/api/v1/users/me/meals/${meal.id}/photo`, { headers: { cookie: patient.cookie } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await got.arrayBuffer()).equals(TINY_PNG)).toBe(true);

    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
    expect((await putPhoto(meal.id, jpeg)).status).toBe(204);
    expect(await objectStore().exists(row.photoKey!)).toBe(false);
    const replaced = await prisma.meal.findUniqueOrThrow({ where: { id: meal.id } });
    const again = await fetch(`${baseUrl()}/api/v1/users/me/meals/${meal.id}/photo`, { headers: { cookie: patient.cookie } });
    expect(again.headers.get('content-type')).toBe('image/jpeg');

    expect((await api(`/api/v1/users/me/meals/${meal.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect(await prisma.meal.findUnique({ where: { id: meal.id } })).toBeNull();
    expect(await objectStore().exists(replaced.photoKey!)).toBe(false);
    expect((await api(`/api/v1/users/me/meals/${meal.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
  });

  it('refuses what is not an image (422, naming the photo), an empty body, and one past 5 MB (413)', async () => {
    const meal = (await api('/api/v1/users/me/meals', { cookie: patient.cookie, json: { mealType: 'snack', eatenAt: '2026-11-03T15:00:00Z' } })).body;
    const html = await putPhoto(meal.id, Buffer.from('<html><script>alert(1)</script></html>'), patient.cookie, 'image/png');
    expect(html.status).toBe(422);
    expect(((await html.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('photo');
    expect((await putPhoto(meal.id, Buffer.alloc(0))).status).toBe(422);
    const huge = Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await putPhoto(meal.id, huge)).status).toBe(413);
    expect((await prisma.meal.findUniqueOrThrow({ where: { id: meal.id } })).photoKey).toBeNull();
  });

  it("is someone else's: not found", async () => {
    const meal = (await api('/api/v1/users/me/meals', { cookie: patient.cookie, json: { mealType: 'snack', eatenAt: '2026-11-03T15:00:00Z' } })).body;
    await putPhoto(meal.id, TINY_PNG);
    const other = await createSignedInUser();
    expect((await api(`/api/v1/users/me/meals/${meal.id}/photo`, { cookie: other.cookie })).status).toBe(404);
    expect((await putPhoto(meal.id, TINY_PNG, other.cookie)).status).toBe(404);
    expect((await api(`/api/v1/users/me/meals/${meal.id}`, { method: 'DELETE', cookie: other.cookie })).status).toBe(404);
    expect((await api(`/api/v1/users/me/meals/not-a-uuid`, { method: 'DELETE', cookie: other.cookie })).status).toBe(404);
  });
});

describe('GET /api/v1/users/me/meals', () => {
  it('gives each meal its excursion from CGM and meter readings, says why when none, and finds the breakfast pattern', async () => {
    const person = await createSignedInUser({ timeZone: 'Europe/Berlin' });
    const cgm = await createDevice(person.id, 'cgm', 'Sensor');
    const meter = await createDevice(person.id, 'glucometer', 'Meter');
    // Breakfasts at 07:30 local (06:30Z) on 6 days: 100 before, 190 at +60 min. Lunches at 12:30 local: 100 → 120.
    const samples: Record<string, unknown>[] = [];
    const reading = (iso: string, value: number) => ({ type: 'BLOOD_GLUCOSE', value, unit: 'mg/dL', startDate: iso, endDate: iso });
    const meals: { mealType: string; eatenAt: string; description?: string }[] = [];
    for (let d = 10; d <= 15; d++) {
      const day = `2026-11-${d}`;
      samples.push(reading(`${day}T06:20:00Z`, 100), reading(`${day}T07:00:00Z`, 150), reading(`${day}T07:30:00Z`, 190), reading(`${day}T08:30:00Z`, 140));
      samples.push(reading(`${day}T11:20:00Z`, 100), reading(`${day}T12:30:00Z`, 120));
      meals.push({ mealType: 'breakfast', eatenAt: `${day}T06:30:00Z`, description: d % 2 ? 'Toast' : 'toasts' }, { mealType: 'lunch', eatenAt: `${day}T11:30:00Z` });
    }
    await syncSamples(cgm, samples);
    // A dinner with a meter baseline only (no reading after) and one with meter readings both sides.
    await syncSamples(meter, [reading('2026-11-10T17:50:00Z', 110), reading('2026-11-11T17:55:00Z', 105), reading('2026-11-11T19:00:00Z', 160)]);
    meals.push({ mealType: 'dinner', eatenAt: '2026-11-10T18:00:00Z' }, { mealType: 'dinner', eatenAt: '2026-11-11T18:00:00Z' });
    for (const json of meals) expect((await api('/api/v1/users/me/meals', { cookie: person.cookie, json })).status).toBe(201);

    const res = await api('/api/v1/users/me/meals?from=2026-11-10&to=2026-11-15', { cookie: person.cookie });
    expect(res.status).toBe(200);
    expect(res.body.meals).toHaveLength(14);
    const breakfast = res.body.meals.find((m: { mealType: string }) => m.mealType === 'breakfast');
    expect(breakfast.excursion).toMatchObject({ before: { mgdl: 100, source: 'cgm' }, peak: { mgdl: 190 }, rise: 90, minutesToPeak: 60, readingsAfter: 3, sources: ['cgm'] });
    expect(breakfast.high).toBe(true);
    const dinners = res.body.meals.filter((m: { mealType: string }) => m.mealType === 'dinner');
    expect(dinners[0]).toMatchObject({ excursion: null, excursionNote: 'No glucose reading in the 2 hours after the meal.', high: null });
    expect(dinners[1].excursion).toMatchObject({ before: { mgdl: 105, source: 'meter' }, peak: { mgdl: 160, source: 'meter' }, rise: 55 });
    expect(res.body.withExcursions).toBe(13);
    expect(res.body.high).toBe(7);
    expect(res.body.patterns).toEqual([
      expect.objectContaining({ group: { by: 'mealType', mealType: 'breakfast' }, meals: 6, high: 6, confidence: 0.98, summary: 'In 6 of 6 breakfasts with readings, glucose rose more than 50 mg/dL or went above 180 mg/dL within 2 hours.' }),
      expect.objectContaining({ group: { by: 'description', description: 'toast' }, meals: 6, high: 6 }),
    ]);
    expect(res.body.method).toContain('binomial');

    // A period without those days: no meals.
    expect((await api('/api/v1/users/me/meals?from=2026-10-01&to=2026-10-05', { cookie: person.cookie })).body.meals).toEqual([]);
    expect((await api('/api/v1/users/me/meals?from=2026-11-15&to=2026-11-10', { cookie: person.cookie })).status).toBe(422);
  });
});
