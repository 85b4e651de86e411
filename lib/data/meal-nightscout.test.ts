// Nightscout carbs become meals, through the real server with the clients' own request shapes (each test
// names the client file its shape comes from): created once per treatment identifier, updated and deleted
// with the treatment, typed by the local time of day; plus the type rule itself at pinned instants.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decryptNullable } from '@/lib/crypto/fields';
import { prisma } from '@/lib/db/client';
import { createSignedInUser } from '@/test/factories';
import { createSite, ns } from '@/test/nightscout';
import { v3 } from '@/test/nightscout-v3';
import { inferMealType } from './meal-nightscout';

const require = createRequire(import.meta.url);
// Loop's NightscoutKit payloads (cgm-remote-monitor's fixtures, from NightscoutKit's Treatments/*.swift).
const loop = require('/work/shared/fixtures/nightscout/nightscoutkit-treatments.js') as {
  mixedBatchArray: Record<string, unknown>[];
  helpers: { mealBolusTreatment: (ts: string, carbs: number, options?: Record<string, unknown>) => Record<string, unknown> };
};

const MIN = 60_000;
const T = Date.UTC(2026, 10, 20, 7, 0, 0); // 08:00 in Berlin

async function meals(userId: string) {
  const rows = await prisma.meal.findMany({ where: { userId }, orderBy: { eatenAt: 'asc' } });
  return Promise.all(rows.map(async (r) => ({ type: r.mealType, at: r.eatenAt.getTime(), carbs: r.carbsGrams, source: r.source, sourceId: r.sourceId, description: await decryptNullable(userId, { table: 'meals', column: 'description', rowId: r.id }, r.description), raw: r.description })));
}
async function newSite() {
  const user = await createSignedInUser({ timeZone: 'Europe/Berlin' });
  return { user, site: await createSite(user.cookie) };
}

describe('inferMealType (local time of day)', () => {
  it('05–11 breakfast, 11–16 lunch, 17–22 dinner, else snack; "Snack Bolus" is a snack', () => {
    const berlin = (h: number, m = 0) => Date.UTC(2026, 10, 20, h - 1, m); // UTC+1 in November
    expect(inferMealType(berlin(4, 59), 'Europe/Berlin', null)).toBe('snack');
    expect(inferMealType(berlin(5), 'Europe/Berlin', 'Meal Bolus')).toBe('breakfast');
    expect(inferMealType(berlin(10, 59), 'Europe/Berlin', null)).toBe('breakfast');
    expect(inferMealType(berlin(11), 'Europe/Berlin', null)).toBe('lunch');
    expect(inferMealType(berlin(16, 30), 'Europe/Berlin', null)).toBe('snack');
    expect(inferMealType(berlin(17), 'Europe/Berlin', null)).toBe('dinner');
    expect(inferMealType(berlin(22), 'Europe/Berlin', null)).toBe('snack');
    expect(inferMealType(berlin(8), 'Europe/Berlin', 'Snack Bolus')).toBe('snack');
    // The same instant in another zone: 07:00Z is 02:00 in New York, a snack.
    expect(inferMealType(Date.UTC(2026, 10, 20, 7), 'America/New_York', null)).toBe('snack');
    expect(inferMealType(Date.UTC(2026, 6, 20, 16), 'America/New_York', null)).toBe('lunch'); // 12:00 EDT
  });
});

describe('Nightscout treatments with carbs become meals', () => {
  it('Loop (NightscoutKit CarbCorrectionNightscoutTreatment / MealBolusNightscoutTreatment, the fixtures): one meal per carb entry, idempotent', async () => {
    const { user, site } = await newSite();
    expect((await ns(site, 'treatments.json', { json: loop.mixedBatchArray })).status).toBe(200);
    expect((await ns(site, 'treatments.json', { json: loop.mixedBatchArray })).status).toBe(200); // a retry
    const carbDocs = loop.mixedBatchArray.filter((d) => Number(d.carbs) > 0);
    const got = await meals(user.id);
    expect(got).toHaveLength(carbDocs.length);
    for (const d of carbDocs) {
      const at = Date.parse(String(d.created_at));
      expect(got).toContainEqual(expect.objectContaining({ at, carbs: d.carbs, source: 'nightscout', sourceId: d.syncIdentifier, type: inferMealType(at, 'Europe/Berlin', String(d.eventType)).toUpperCase() }));
    }
    const meal = loop.helpers.mealBolusTreatment(new Date(T).toISOString(), 50, { syncIdentifier: 'loop-meal-1', insulin: 4, foodType: 'Porridge' });
    expect((await ns(site, 'treatments.json', { json: [meal] })).status).toBe(200);
    const porridge = (await meals(user.id)).find((m) => m.sourceId === 'loop-meal-1')!;
    expect(porridge).toMatchObject({ type: 'BREAKFAST', carbs: 50, description: 'Porridge' });
    expect(porridge.raw).not.toContain('Porridge');
  });

  it('Trio (NightscoutAPI.swift deleteCarbs by find[id][$eq]) and a changed carb count: updated, then deleted with the treatment', async () => {
    const { user, site } = await newSite();
    const own = { eventType: 'Carb Correction', created_at: new Date(T + 4 * 60 * MIN).toISOString(), enteredBy: 'Trio', carbs: 30, id: 'A1B2C3D4-0000-4000-8000-0000000000aa' };
    await ns(site, 'treatments.json', { json: [own] });
    expect((await meals(user.id)).map((m) => [m.type, m.carbs, m.sourceId])).toEqual([['LUNCH', 30, own.id]]);
    await ns(site, 'treatments.json', { json: [{ ...own, carbs: 45 }] });
    expect((await meals(user.id)).map((m) => m.carbs)).toEqual([45]);
    expect((await ns(site, `treatments.json?find[id][$eq]=${own.id}`, { method: 'DELETE' })).body).toMatchObject({ deletedCount: 1 });
    expect(await meals(user.id)).toEqual([]);
  });

  it('xDrip+ (NightscoutUploader.java populateV1APITreatmentEntry, PUT upsert): notes become the description; carbs set to 0 remove the meal', async () => {
    const { user, site } = await newSite();
    const uuid = '7f1a2b3c-4d5e-4f7a-8b9c-0d1e2f3a4b5c';
    const doc = { timestamp: T + 11 * 60 * MIN, eventType: '<none>', enteredBy: 'xdrip', notes: 'pasta', uuid, carbs: 70, insulin: 6, created_at: new Date(T + 11 * 60 * MIN).toISOString(), _id: uuid.replace(/-/g, '').slice(0, 24) };
    expect((await ns(site, 'treatments', { method: 'PUT', json: doc })).status).toBe(200);
    expect((await meals(user.id)).map((m) => [m.type, m.carbs, m.description])).toEqual([['DINNER', 70, 'pasta']]);
    expect((await ns(site, 'treatments', { method: 'PUT', json: { ...doc, carbs: 0 } })).status).toBe(200);
    expect(await meals(user.id)).toEqual([]);
  });

  it('AndroidAPS (nssdk NSCarbs → RemoteTreatment, API v3): create, dedup, PUT with new carbs, DELETE', async () => {
    const { user, site } = await newSite();
    const carbs = { date: T, utcOffset: 60, isValid: true, eventType: 'Meal Bolus', carbs: 40, app: 'AAPS' };
    const created = await v3(site, 'treatments', { json: carbs });
    expect(created.status).toBe(201);
    const id = created.body.identifier!;
    await v3(site, 'treatments', { json: carbs }); // deduplicated
    expect((await meals(user.id)).map((m) => [m.type, m.at, m.carbs, m.sourceId])).toEqual([['BREAKFAST', T, 40, id]]);
    expect((await v3(site, `treatments/${id}`, { method: 'PUT', json: { ...carbs, carbs: 25 } })).status).toBe(200);
    expect((await meals(user.id)).map((m) => [m.type, m.at, m.carbs])).toEqual([['BREAKFAST', T, 25]]);
    expect((await v3(site, `treatments/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await meals(user.id)).toEqual([]);
  });

  it('treatments without carbs make no meal', async () => {
    const { user, site } = await newSite();
    await ns(site, 'treatments', { json: [{ eventType: 'Correction Bolus', created_at: new Date(T).toISOString(), insulin: 2, syncIdentifier: 'b-1', enteredBy: 'Loop' }] });
    expect(await meals(user.id)).toEqual([]);
  });
});
