// Integration: API v3 on the documents collections (treatments, devicestatus, profile, food, settings)
// against the real server, replaying AndroidAPS's requests: the endpoints and query strings of core/nssdk
// networking/NightscoutRemoteService.kt, the bodies of core/nssdk mapper/TreatmentMapper.kt
// (toRemoteTreatment) and DeviceStatusMapper.kt, plugins/main profile/ProfilePlugin.kt (the profile
// store) and plugins/sync nsclientV3/extensions/FoodExtension.kt, each with `app: "AAPS"` as
// NSAndroidClientImpl.kt sets it. The answers are checked against cgm-remote-monitor's lib/api3.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { upsertDocument } from '@/lib/data/nightscout-documents';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';
import { createSite, ns, type Site } from '@/test/nightscout';
import { etagMs, v3 } from '@/test/nightscout-v3';

const MIN = 60_000;
// Events well in the past, away from day edges in any zone that matters here (UTC noon).
const T = Date.UTC(2026, 10, 20, 12, 0, 0);

/** NSBolus → RemoteTreatment (TreatmentMapper.kt), as AndroidAPS creates an SMB: no identifier yet. */
const aapsSmb = (date: number, insulin = 0.4) => ({
  date,
  utcOffset: 60,
  isValid: true,
  eventType: 'Correction Bolus',
  insulin,
  type: 'SMB',
  isBasalInsulin: false,
  pumpId: date / 1000,
  pumpType: 'ACCU_CHEK_INSIGHT_BLUETOOTH',
  pumpSerial: '33013206',
  app: 'AAPS',
});

/** NSCarbs → RemoteTreatment. */
const aapsCarbs = (date: number, carbs: number) => ({ date, utcOffset: 60, isValid: true, eventType: 'Meal Bolus', carbs, app: 'AAPS' });

type Treatment = Record<string, unknown> & { identifier: string; srvModified: number; srvCreated: number; date: number };

let site: Site;
let patientId: string;

beforeAll(async () => {
  const user = await createSignedInUser();
  patientId = user.id;
  site = await createSite(user.cookie);
});

const insulinAt = (userId: string, ms: number) => prisma.healthSample.findMany({ where: { userId, type: 'INSULIN', startAt: new Date(ms) } });

describe('status, version, lastModified and authentication', () => {
  it('status: versions and "crud" on every collection (NSClientV3Plugin uploads only then)', async () => {
    const res = await v3<{ version: string; apiVersion: string; srvDate: number; storage: { storage: string; version: string }; apiPermissions: Record<string, string> }>(site, 'status');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(200);
    expect(res.body.result).toMatchObject({ version: expect.any(String), apiVersion: expect.stringMatching(/^3\./), storage: { storage: 'postgresql', version: expect.any(String) } });
    expect(Math.abs(res.body.result!.srvDate - Date.now())).toBeLessThan(60_000);
    expect(res.body.result!.apiPermissions).toEqual({ devicestatus: 'crud', entries: 'crud', food: 'crud', profile: 'crud', settings: 'crud', treatments: 'crud' });
  });

  it('version is open; the rest is 401 without the secret, or with a wrong one, in the v3 shape', async () => {
    // A site of its own: ten failures lock a site for the address (429), which the other tests would meet.
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const version = await api(`/ns/${site.id}/api/v3/version`);
    expect(version.status).toBe(200);
    expect(version.body.result).toMatchObject({ apiVersion: expect.any(String), storage: { storage: 'postgresql' } });
    const attempts: Record<string, string>[] = [{}, { 'api-secret': 'f'.repeat(40) }, { authorization: 'Bearer not-a-token' }];
    for (const headers of attempts) {
      for (const path of ['status', 'treatments?limit=10', 'treatments/history/1763625600000']) {
        const res = await api(`/ns/${site.id}/api/v3/${path}`, { headers });
        expect(res.status, path).toBe(401);
        expect(res.body).toEqual({ status: 401, message: 'Missing or bad access token or JWT' });
      }
    }
    const post = await api(`/ns/${site.id}/api/v3/treatments`, { json: aapsSmb(T) });
    expect(post.status).toBe(401);
  });

  it('an unknown collection is the original 404', async () => {
    const res = await v3(site, 'alarms');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ status: 404, message: 'Bad operation or collection' });
  });
});

describe('treatments: create, deduplicate, read, update, patch', () => {
  it('create → 201 {identifier, lastModified}; the same again → 200 isDeduplication with that identifier', async () => {
    const before = Date.now();
    const created = await v3(site, 'treatments', { json: aapsSmb(T) });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ status: 201, identifier: expect.any(String), lastModified: expect.any(Number) });
    expect(created.body.lastModified!).toBeGreaterThanOrEqual(before - 1000);
    const id = created.body.identifier!;
    expect(created.headers.get('location')).toBe(`/ns/${site.id}/api/v3/treatments/${encodeURIComponent(id)}`);
    // Keyed by the pump record AndroidAPS sends (TYPE:SERIAL:ID), addressable encoded or not (Retrofit's @Path encodes).
    expect(id).toBe(`ACCU_CHEK_INSIGHT_BLUETOOTH:33013206:${T / 1000}`);
    expect((await v3(site, `treatments/${encodeURIComponent(id)}`)).status).toBe(200);

    const again = await v3(site, 'treatments', { json: aapsSmb(T) });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 200, identifier: id, isDeduplication: true, lastModified: expect.any(Number) });

    const read = await v3<Treatment>(site, `treatments/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.result).toMatchObject({ identifier: id, date: T, utcOffset: 60, eventType: 'Correction Bolus', insulin: 0.4, type: 'SMB', app: 'AAPS', created_at: new Date(T).toISOString() });
    // Into the product through the document use case: one SMB of 0.4 U, however often it was sent.
    expect((await insulinAt(patientId, T)).map((r) => [r.value, r.category])).toEqual([[0.4, 'smb']]);
    expect(read.body.result!.srvCreated).toBeLessThanOrEqual(read.body.result!.srvModified);
    expect(read.headers.get('last-modified')).toBe(new Date(read.body.result!.srvModified).toUTCString());
    expect(read.body.result).not.toHaveProperty('isValid'); // only deleted documents carry it
  });

  it('a client-given identifier is kept (cgm-remote-monitor tests post calculateIdentifier(doc)); ISO dates are normalised', async () => {
    const identifier = '9c3f0b8e-5d4a-5e6f-8a7b-1c2d3e4f5a6b';
    const res = await v3(site, 'treatments', { json: { ...aapsCarbs(0, 20), date: '2026-11-20T13:05:00+01:00', utcOffset: undefined, identifier } });
    expect(res.status).toBe(201);
    expect(res.body.identifier).toBe(identifier);
    const read = await v3<Treatment>(site, `treatments/${identifier}`);
    expect(read.body.result).toMatchObject({ date: T + 5 * MIN, utcOffset: 60, carbs: 20 });
  });

  it('a treatment first sent through API v1 without a client id (Loop) is the one AndroidAPS then creates through v3', async () => {
    const at = T + 50 * MIN;
    const v1 = await ns<Record<string, unknown>[]>(site, 'treatments', { json: [{ eventType: 'Carb Correction', carbs: 15, created_at: new Date(at).toISOString(), enteredBy: 'loop://iPhone' }] });
    expect(v1.status).toBe(200);
    const identifier = v1.body[0]!.identifier;
    const res = await v3(site, 'treatments', { json: { ...aapsCarbs(at, 15), eventType: 'Carb Correction' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isDeduplication: true, identifier });
    const found = await v3<Treatment[]>(site, `treatments?date$gte=${at}&date$lte=${at}`);
    expect(found.body.result).toHaveLength(1);
    expect(found.body.result![0]).toMatchObject({ carbs: 15, app: 'AAPS' });
    expect(await prisma.healthSample.count({ where: { userId: patientId, type: 'CARBOHYDRATES', startAt: new Date(at) } })).toBe(1);
    // AndroidAPS that synced through API v1 before kept the `_id` as the record's id: it addresses the document too.
    const objectId = String(v1.body[0]!._id);
    const patched = await v3(site, `treatments/${objectId}`, { method: 'PATCH', json: { identifier: objectId, isValid: true, notes: 'edited in AAPS' } });
    expect(patched.status).toBe(200);
    expect((await v3<Treatment>(site, `treatments/${String(identifier)}`)).body.result).toMatchObject({ notes: 'edited in AAPS', carbs: 15 });
  });

  it('refuses what the original refuses, with its messages (AndroidAPS reacts to them)', async () => {
    const refused = async (json: unknown, message: string) => {
      const res = await v3(site, 'treatments', { json });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ status: 400, message });
    };
    await refused({ ...aapsSmb(T + 10 * MIN), app: undefined }, 'Bad or missing app field');
    await refused({ ...aapsSmb(T + 10 * MIN), date: undefined }, 'Bad or missing date field');
    await refused({ ...aapsSmb(T + 10 * MIN), utcOffset: 5000 }, 'Bad or missing utcOffset field');
    await refused({ ...aapsSmb(T + 10 * MIN), identifier: 7 }, 'Bad or missing identifier field');
    await refused([aapsSmb(T + 10 * MIN)], 'Bad or missing request body');
    await refused({}, 'Bad or missing request body');
    // A duplicate that changes an identifying field (createTreatment retries with utcOffset 0 only on the utcOffset message).
    await refused({ ...aapsSmb(T), utcOffset: 0 }, 'Field utcOffset cannot be modified by the client');
    const nothing = await v3<Treatment[]>(site, `treatments?date$gte=${T + 10 * MIN}&date$lte=${T + 10 * MIN}`);
    expect(nothing.body.result).toEqual([]);
  });

  it('PATCH as updateTreatment sends it (no date, no utcOffset) changes the fields; identifying fields stay', async () => {
    const id = (await v3(site, 'treatments', { json: aapsSmb(T + 20 * MIN, 0.3) })).body.identifier!;
    const first = (await v3<Treatment>(site, `treatments/${id}`)).body.result!;
    const patch = { ...aapsSmb(T + 20 * MIN, 0.35), date: undefined, utcOffset: undefined, app: undefined, identifier: id, notes: 'corrected' };
    const res = await v3(site, `treatments/${id}`, { method: 'PATCH', json: patch });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 200 });
    const after = (await v3<Treatment>(site, `treatments/${id}`)).body.result!;
    expect(after).toMatchObject({ insulin: 0.35, notes: 'corrected', date: T + 20 * MIN, utcOffset: 60, app: 'AAPS', srvCreated: first.srvCreated });
    expect(after.srvModified).toBeGreaterThan(first.srvModified);

    const changed = await v3(site, `treatments/${id}`, { method: 'PATCH', json: { eventType: 'Meal Bolus' } });
    expect(changed.body).toEqual({ status: 400, message: 'Field eventType cannot be modified by the client' });
    const stale = await v3(site, `treatments/${id}`, { method: 'PATCH', json: { notes: 'x' }, headers: { 'if-unmodified-since': new Date(T).toUTCString() } });
    expect(stale.status).toBe(412);
    expect((await v3(site, 'treatments/no-such-document', { method: 'PATCH', json: { notes: 'x' } })).status).toBe(404);
  });

  it('PUT replaces a document (200) or creates one under the identifier given (201)', async () => {
    const id = (await v3(site, 'treatments', { json: aapsCarbs(T + 30 * MIN, 30) })).body.identifier!;
    const replaced = await v3(site, `treatments/${id}`, { method: 'PUT', json: aapsCarbs(T + 30 * MIN, 35) });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ status: 200, lastModified: expect.any(Number) });
    expect((await v3<Treatment>(site, `treatments/${id}`)).body.result).toMatchObject({ carbs: 35, identifier: id });

    const created = await v3(site, 'treatments/put-created-1', { method: 'PUT', json: { ...aapsCarbs(T + 31 * MIN, 5), eventType: 'Carb Correction' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ status: 201, identifier: 'put-created-1', lastModified: expect.any(Number) });
  });
});

describe('delete and history', () => {
  it('DELETE → 200; then read 410, PATCH 410, gone from SEARCH, in HISTORY with isValid false; a new create revives it', async () => {
    const since = Date.now() - 1000;
    const id = (await v3(site, 'treatments', { json: aapsSmb(T + 40 * MIN, 0.2) })).body.identifier!;
    expect(await insulinAt(patientId, T + 40 * MIN)).toHaveLength(1);
    const del = await v3(site, `treatments/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ status: 200 });
    expect(await insulinAt(patientId, T + 40 * MIN)).toEqual([]); // no longer counted

    expect((await v3(site, `treatments/${id}`)).status).toBe(410);
    expect((await v3(site, `treatments/${id}`)).body).toEqual({ status: 410 });
    expect((await v3(site, `treatments/${id}`, { method: 'PATCH', json: { notes: 'x' } })).status).toBe(410);
    const search = await v3<Treatment[]>(site, `treatments?identifier=${id}`);
    expect(search.body.result).toEqual([]);

    // getTreatmentsModifiedSince: history/{from}?limit=500, the next `from` read from the ETag.
    const history = await v3<Treatment[]>(site, `treatments/history/${since}?limit=500`);
    expect(history.status).toBe(200);
    const entry = history.body.result!.find((d) => d.identifier === id);
    expect(entry).toMatchObject({ identifier: id, isValid: false, insulin: 0.2 });
    const newest = Math.max(...history.body.result!.map((d) => d.srvModified));
    expect(etagMs(history)).toBe(newest);
    expect(history.headers.get('last-modified')).toBe(new Date(newest).toUTCString());
    const srvModifieds = history.body.result!.map((d) => d.srvModified);
    expect(srvModifieds).toEqual(srvModifieds.slice().sort((a, b) => a - b));
    // Nothing changed after the newest change: an empty page, which ends AndroidAPS's loading.
    expect((await v3<Treatment[]>(site, `treatments/history/${newest}?limit=500`)).body.result).toEqual([]);
    // The header form (Last-Modified, that second included).
    const byHeader = await v3<Treatment[]>(site, 'treatments/history', { headers: { 'last-modified': new Date(since).toUTCString() } });
    expect(byHeader.body.result!.some((d) => d.identifier === id && d.isValid === false)).toBe(true);

    expect((await v3(site, `treatments/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await v3(site, 'treatments/no-such-document', { method: 'DELETE' })).status).toBe(404);

    const revived = await v3(site, 'treatments', { json: aapsSmb(T + 40 * MIN, 0.2) });
    expect(revived.status).toBe(200);
    expect(revived.body).toMatchObject({ identifier: id, isDeduplication: true });
    expect((await v3(site, `treatments/${id}`)).status).toBe(200);
    expect(await insulinAt(patientId, T + 40 * MIN)).toHaveLength(1);
  });

  it('lastModified: per collection, moved by a delete; collections holding nothing are left out', async () => {
    const user = await createSignedInUser();
    const own = await createSite(user.cookie);
    const empty = await v3<{ srvDate: number; collections: Record<string, number> }>(own, 'lastModified');
    expect(empty.status).toBe(200);
    expect(empty.body.result!.collections).toEqual({});
    const id = (await v3(own, 'treatments', { json: aapsSmb(T) })).body.identifier!;
    const first = (await v3<{ collections: Record<string, number> }>(own, 'lastModified')).body.result!.collections.treatments!;
    expect(first).toBe((await v3<Treatment>(own, `treatments/${id}`)).body.result!.srvModified);
    await v3(own, `treatments/${id}`, { method: 'DELETE' });
    const after = (await v3<{ srvDate: number; collections: Record<string, number> }>(own, 'lastModified')).body.result!;
    expect(after.collections.treatments).toBeGreaterThan(first);
    expect(Object.keys(after.collections)).toEqual(['treatments']);
  });
});

describe('search', () => {
  it('pages by the 1,000-document limit: limit=1000, skip, no limit (1,000), limit=1001 refused', async () => {
    const user = await createSignedInUser();
    const own = await createSite(user.cookie);
    const base = Date.UTC(2026, 9, 1, 12, 0, 0);
    const stored = Date.now() - 60_000;
    for (let i = 0; i < 1005; i++) {
      const doc = { eventType: 'Note', notes: `n${i}`, date: base + i * MIN, utcOffset: 0, app: 'test' };
      // Each stored at its own ms (srvModified), the last three at one (as one batch upload stores them).
      const at = stored + Math.min(i, 1002);
      await upsertDocument({ id: own.id, userId: user.id }, { collection: 'treatments', identifier: `note-${i}`, uploaderDeviceId: null, dateMs: doc.date, eventType: 'Note', doc }, at);
    }
    const page1 = await v3<Treatment[]>(own, 'treatments?sort=date&limit=1000');
    expect(page1.status).toBe(200);
    expect(page1.body.result).toHaveLength(1000);
    expect(page1.body.result![0]!.notes).toBe('n0');
    const page2 = await v3<Treatment[]>(own, 'treatments?sort=date&limit=1000&skip=1000');
    expect(page2.body.result!.map((d) => d.notes)).toEqual(['n1000', 'n1001', 'n1002', 'n1003', 'n1004']);
    expect((await v3<Treatment[]>(own, 'treatments')).body.result).toHaveLength(1000);
    const over = await v3(own, 'treatments?limit=1001');
    expect(over.body).toEqual({ status: 400, message: 'Parameter limit out of tolerance' });
    // History pages the same way, each page continuing after the previous one's ETag.
    const h1 = await v3<Treatment[]>(own, `treatments/history/${stored - 1}?limit=1000`);
    expect(h1.body.result).toHaveLength(1000);
    expect(etagMs(h1)).toBe(stored + 999);
    const h2 = await v3<Treatment[]>(own, `treatments/history/${etagMs(h1)}?limit=1000`);
    expect(h2.body.result!.map((d) => d.notes)).toEqual(['n1000', 'n1001', 'n1002', 'n1003', 'n1004']);
    // A page never ends inside a batch stored at one instant: the next page starts after that instant.
    const h3 = await v3<Treatment[]>(own, `treatments/history/${stored + 1000}?limit=2`);
    expect(h3.body.result!.map((d) => d.notes)).toEqual(['n1001', 'n1002', 'n1003', 'n1004']);
    expect(etagMs(h3)).toBe(stored + 1002);
    // A time before 2000 is no time to the original: 400.
    expect((await v3<Treatment[]>(own, `treatments/history/${Date.UTC(2020, 0, 1)}`)).body.result).toHaveLength(1000);
    expect((await v3(own, 'treatments/history/1')).body).toEqual({ status: 400, message: 'Bad or missing Last-Modified header/parameter' });
  });

  it("AndroidAPS's first load (sort=created_at&created_at$gt=<ISO>&limit=500) and other filters, sorts and fields", async () => {
    const user = await createSignedInUser();
    const own = await createSite(user.cookie);
    const base = Date.UTC(2026, 10, 10, 12, 0, 0);
    for (let i = 0; i < 6; i++) {
      const json = i % 2 === 0 ? aapsSmb(base + i * 5 * MIN, 0.1 * (i + 1)) : aapsCarbs(base + i * 5 * MIN, 10 * i);
      expect((await v3(own, 'treatments', { json })).status).toBe(201);
    }
    const newer = await v3<Treatment[]>(own, `treatments?sort=created_at&created_at$gt=${new Date(base + 5 * MIN).toISOString()}&limit=500`);
    expect(newer.body.result!.map((d) => d.date)).toEqual([2, 3, 4, 5].map((i) => base + i * 5 * MIN));
    const smbs = await v3<Treatment[]>(own, 'treatments?eventType$eq=Correction%20Bolus&sort$desc=date');
    expect(smbs.body.result!.map((d) => d.date)).toEqual([4, 2, 0].map((i) => base + i * 5 * MIN));
    const big = await v3<Treatment[]>(own, 'treatments?insulin$gte=0.3&sort=date');
    expect(big.body.result!.map((d) => d.insulin)).toEqual([0.30000000000000004, 0.5]);
    const bySrv = await v3<Treatment[]>(own, `treatments?srvModified$gte=${Date.now() - 10 * MIN}&sort=srvModified&limit=2`);
    expect(bySrv.body.result).toHaveLength(2);
    const fields = await v3<Treatment[]>(own, 'treatments?fields=date,carbs&carbs$gt=0&sort=date');
    expect(fields.body.result).toEqual([1, 3, 5].map((i) => ({ date: base + i * 5 * MIN, carbs: 10 * i })));
  });
});

describe('devicestatus, profile, food and settings', () => {
  it('devicestatus: AndroidAPS creates one per loop and reads history/{now − 7 min} (LoadDeviceStatusWorker)', async () => {
    const since = Date.now() - 7 * MIN;
    const status = {
      app: 'AAPS',
      date: Date.now() - MIN,
      device: 'openaps://samsung SM-G970F',
      uploaderBattery: 76,
      isCharging: false,
      pump: { clock: new Date().toISOString(), reservoir: 112.5, battery: { percent: 60 }, status: { status: 'normal', timestamp: new Date().toISOString() }, extended: { ActiveProfile: 'Default' } },
      openaps: { suggested: { bg: 132, eventualBG: 120, reason: 'COB: 0' }, enacted: { rate: 0.8, duration: 30 }, iob: { iob: 1.2, basaliob: 0.3, time: new Date().toISOString() } },
      configuration: { pump: 'Insight', version: '3.3.0', aps: 'OpenAPSSMB' },
    };
    const created = await v3(site, 'devicestatus', { json: status });
    expect(created.status).toBe(201);
    const again = await v3(site, 'devicestatus', { json: status });
    expect(again.body).toMatchObject({ status: 200, isDeduplication: true, identifier: created.body.identifier });
    const history = await v3<Treatment[]>(site, `devicestatus/history/${since}`);
    expect(history.body.result!.find((d) => d.identifier === created.body.identifier)).toMatchObject({ device: 'openaps://samsung SM-G970F', pump: { reservoir: 112.5 }, openaps: { iob: { iob: 1.2 } } });
  });

  it('profile: the store as ProfilePlugin sends it; getLastProfile (sort$desc=date&limit=1) and history/{ms}?limit=10', async () => {
    const since = Date.now() - 1000;
    const store = { Default: { dia: 5, carbratio: [{ time: '00:00', timeAsSeconds: 0, value: 10 }], sens: [{ time: '00:00', timeAsSeconds: 0, value: 50 }], basal: [{ time: '00:00', timeAsSeconds: 0, value: 0.8 }], target_low: [{ time: '00:00', timeAsSeconds: 0, value: 100 }], target_high: [{ time: '00:00', timeAsSeconds: 0, value: 110 }], units: 'mg/dl', timezone: 'Europe/Prague' } };
    for (const date of [T - 60 * MIN, T]) {
      const json = { defaultProfile: 'Default', date, created_at: new Date(date).toISOString(), startDate: new Date(date).toISOString(), store, app: 'AAPS' };
      expect((await v3(site, 'profile', { json })).status).toBe(201);
    }
    const last = await v3<Treatment[]>(site, 'profile?sort$desc=date&limit=1');
    expect(last.body.result).toHaveLength(1);
    expect(last.body.result![0]).toMatchObject({ date: T, defaultProfile: 'Default', store: { Default: { dia: 5 } } });
    const history = await v3<Treatment[]>(site, `profile/history/${since}?limit=10`);
    expect(history.body.result).toHaveLength(2);
  });

  it('food: created as FoodExtension.kt sends it, read all with getFoods (limit=1000)', async () => {
    const food = { type: 'food', date: Date.now() - MIN, name: 'Apple', category: 'Fruit', subcategory: 'Fresh', unit: 'g', portion: 100, carbs: 12, gi: 1, energy: 52, protein: 0, fat: 0, app: 'AAPS' };
    const created = await v3(site, 'food', { json: food });
    expect(created.status).toBe(201);
    const foods = await v3<Treatment[]>(site, 'food?limit=1000');
    expect(foods.body.result!.find((d) => d.identifier === created.body.identifier)).toMatchObject({ name: 'Apple', carbs: 12, portion: 100 });
  });

  it('settings: plain documents, listed with the admin permission (the API secret holds it)', async () => {
    const created = await v3(site, 'settings', { json: { date: Date.now() - MIN, app: 'test', units: 'mmol', theme: 'colors' } });
    expect(created.status).toBe(201);
    const read = await v3<Treatment>(site, `settings/${created.body.identifier}`);
    expect(read.body.result).toMatchObject({ units: 'mmol', theme: 'colors' });
    expect((await v3<Treatment[]>(site, 'settings')).body.result!.length).toBeGreaterThan(0);
  });
});
