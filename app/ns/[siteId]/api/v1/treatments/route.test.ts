// Integration: /ns/:siteId/api/v1/treatments against the real server, replaying the clients' own request
// shapes (each test names the client file it follows): stored once per identifier, projected into
// insulin, carbs, meter glucose and timeline notes, read back with cgm-remote-monitor's filters, updated,
// deleted (the projection leaves the aggregates), refused by field, and not stored again when echoed.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { decryptEventPayload } from '@/lib/data/event-fields';
import { createSignedInUser, waitForPipeline } from '@/test/factories';
import { createSite, ns, nsRaw, sha1Hex, type Site } from '@/test/nightscout';
import { api, baseUrl } from '@/test/http';

const require = createRequire(import.meta.url);
// Loop's NightscoutKit payloads (cgm-remote-monitor's fixtures, from NightscoutKit's Treatments/*.swift).
const loop = require('/work/shared/fixtures/nightscout/nightscoutkit-treatments.js') as Record<string, Record<string, unknown> & { created_at: string }> & {
  mixedBatchArray: Record<string, unknown>[];
};

type Doc = Record<string, unknown> & { _id: string; identifier: string; created_at: string };

const MIN = 60_000;
const T = Date.UTC(2026, 10, 20, 8, 0, 0);
const at = (ms: number) => new Date(ms).toISOString();

async function samples(userId: string, type?: 'INSULIN' | 'CARBOHYDRATES' | 'BLOOD_GLUCOSE') {
  return prisma.healthSample.findMany({ where: { userId, ...(type ? { type } : {}) }, orderBy: [{ startAt: 'asc' }, { type: 'asc' }] });
}
async function documents(siteId: string) {
  return prisma.nightscoutDocument.findMany({ where: { siteId, collection: 'treatments' }, orderBy: { dateMs: 'asc' } });
}
async function notes(userId: string) {
  const rows = await prisma.healthEvent.findMany({ where: { userId, kind: 'NOTE' }, orderBy: { occurredAt: 'asc' } });
  const superseded = new Set(rows.map((r) => r.supersedesId));
  return Promise.all(
    rows.filter((r) => !superseded.has(r.id)).map(async (r) => ({ at: r.occurredAt.getTime(), ...((await decryptEventPayload(userId, r.id, r.payload)) as { text: string }) })),
  );
}
async function newSite() {
  const user = await createSignedInUser();
  return { user, site: await createSite(user.cookie) };
}

describe('POST treatments in the clients’ shapes', () => {
  it('Loop (NightscoutKit NightscoutClient.swift uploads arrays): stored with _id, projected into samples and notes, read back', async () => {
    const { user, site } = await newSite();
    const res = await ns<Doc[]>(site, 'treatments.json', { json: loop.mixedBatchArray });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(6);
    for (const doc of res.body) expect(doc._id).toMatch(/^[0-9a-f]{24}$/);
    expect(res.body.map((d) => d.identifier)).toEqual(loop.mixedBatchArray.map((d) => d.syncIdentifier));

    const rows = await samples(user.id);
    expect(rows.map((r) => [r.type, r.value, r.category])).toEqual([
      ['BLOOD_GLUCOSE', 110, 'blood'], // BG Check, -90 min
      ['INSULIN', 0.6, 'temp_basal'], // 1.2 U/h for 30 min, -30 min
      ['CARBOHYDRATES', 45, null], // -5 min (its Sensor glucose is the CGM's, not counted again)
      ['INSULIN', 1.5, 'correction'], // 0 min
    ]);
    expect(new Set(rows.map((r) => r.deviceId)).size).toBe(1); // one uploader ("Loop"), one source
    expect((await notes(user.id)).map((n) => n.text)).toEqual(['Note — Started new sensor (via Loop)', 'Override — for 90 min, Running (via Loop)']);

    const since = encodeURIComponent(loop.note!.created_at);
    const back = await ns<Doc[]>(site, `treatments.json?find[created_at][$gte]=${since}`);
    expect(back.body.map((d) => d.eventType)).toEqual(['Correction Bolus', 'Carb Correction', 'Temp Basal', 'Temporary Override', 'BG Check', 'Note']);
    const bolus = back.body[0]!;
    expect(bolus).toMatchObject({ _id: res.body[0]!._id, insulin: 1.5, syncIdentifier: 'loop-bolus-abc123-def456', created_at: loop.correctionBolus!.created_at });
    const carbs = await ns<Doc[]>(site, 'treatments?find[eventType]=Carb+Correction&count=1');
    expect(carbs.body.map((d) => d.carbs)).toEqual([45]);
  });

  it('Trio (NightscoutAPI.swift): its `id`, fetchCarbs excluding its own entries, deleteCarbs by find[id][$eq]', async () => {
    const { user, site } = await newSite();
    // NightscoutTreatment.swift: created_at, enteredBy "Trio", id; a carb entry made in Trio and one from elsewhere.
    const own = { eventType: 'Carb Correction', created_at: at(T), enteredBy: 'Trio', carbs: 30, id: 'A1B2C3D4-0000-4000-8000-000000000001' };
    const other = { eventType: 'Carb Correction', created_at: at(T + 10 * MIN), enteredBy: 'Nightscout', carbs: 12, id: 'A1B2C3D4-0000-4000-8000-000000000002' };
    expect((await ns(site, 'treatments.json', { json: [own, other] })).status).toBe(200);
    const query = `treatments.json?find[carbs][$exists]=true&find[enteredBy][$ne]=Trio&find[enteredBy][$ne]=Trio&find[created_at][$gt]=${encodeURIComponent(at(T - MIN))}`;
    expect((await ns<Doc[]>(site, query)).body.map((d) => d.carbs)).toEqual([12]);

    const removed = await ns(site, `treatments.json?find[id][$eq]=${own.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ deletedCount: 1 });
    expect((await samples(user.id, 'CARBOHYDRATES')).map((s) => s.value)).toEqual([12]);
  });

  it('xDrip+ (NightscoutUploader.java postTreatments): PUT upserts with `_id` made from its uuid; deletes after find[uuid]', async () => {
    const { user, site } = await newSite();
    const uuid = '6f1a2b3c-4d5e-4f7a-8b9c-0d1e2f3a4b5c';
    const xdripId = uuid.replace(/-/g, '').slice(0, 24); // uuid_to_id
    // populateV1APITreatmentEntry
    const doc = { timestamp: T, eventType: '<none>', enteredBy: 'xdrip', notes: 'lunch', uuid, carbs: 40, insulin: 4, created_at: at(T), sysTime: '2026-11-20T09:00:00.000+0100', _id: xdripId };
    const put = await ns<Doc>(site, 'treatments', { method: 'PUT', json: doc });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ _id: xdripId, uuid, carbs: 40 }); // its own id answered back
    // Edited in xDrip+ and upserted again: one document, the dose replaced.
    expect((await ns(site, 'treatments', { method: 'PUT', json: { ...doc, insulin: 5 } })).status).toBe(200);
    expect((await documents(site.id)).length).toBe(1);
    expect((await samples(user.id, 'INSULIN')).map((s) => [s.value, s.version])).toEqual([[5, 1]]);

    const found = await ns<Doc[]>(site, `treatments.json?find[uuid]=${uuid}`);
    expect(found.body.map((d) => d._id)).toEqual([xdripId]);
    expect((await ns(site, `treatments/${found.body[0]!._id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await samples(user.id)).toEqual([]);
    expect((await ns<Doc[]>(site, `treatments.json?find[uuid]=${uuid}`)).body).toEqual([]);
  });

  it('without any client id a treatment is keyed by {created_at, eventType}, as cgm-remote-monitor upserts it', async () => {
    const { user, site } = await newSite();
    const note = { eventType: 'Site Change', created_at: at(T), notes: 'left arm', enteredBy: 'careportal' };
    expect((await ns(site, 'treatments', { json: [note, note] })).status).toBe(200); // twice in one request: once
    expect(await notes(user.id)).toHaveLength(1);
    expect((await ns(site, 'treatments', { json: { ...note, notes: 'right arm', enteredBy: 'other app' } })).status).toBe(200);
    const docs = await documents(site.id);
    expect(docs).toHaveLength(1);
    const [read] = (await ns<Doc[]>(site, `treatments?find[created_at][$gte]=${encodeURIComponent(at(T))}`)).body;
    expect(read).toMatchObject({ notes: 'right arm' });
    expect((await notes(user.id)).map((n) => n.text)).toEqual(['Site change — right arm (via other app)']);
  });

  it('gzip bodies (AndroidAPS and xDrip+ compress) and text/plain JSON are read', async () => {
    const { user, site } = await newSite();
    const zipped = gzipSync(JSON.stringify([{ eventType: 'Meal Bolus', created_at: at(T), insulin: 2, carbs: 20, enteredBy: 'xdrip', uuid: 'gz-1' }]));
    const res = await nsRaw(site, 'treatments', zipped, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    const plain = await nsRaw(site, 'treatments.json', Buffer.from(JSON.stringify({ eventType: 'Note', created_at: at(T + MIN), notes: 'plain', uuid: 'p-1' })), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(200);
    expect((await samples(user.id)).map((s) => s.type)).toEqual(['INSULIN', 'CARBOHYDRATES']);
  });
});

describe('several uploaders, one truth', () => {
  it('two apps sending one record (same client id): one document, one dose; an identical copy is unchanged', async () => {
    const { user, site } = await newSite();
    const first = await ns<Doc[]>(site, 'treatments', { json: [loop.correctionBolus] });
    const copy = await ns<Doc[]>(site, 'treatments', { json: [loop.correctionBolus] });
    expect(copy.body[0]!._id).toBe(first.body[0]!._id);
    const modified = (await documents(site.id))[0]!.srvModified;
    // A second app relays it under its own name: still the same record (updated, not added).
    expect((await ns(site, 'treatments', { json: [{ ...loop.correctionBolus, enteredBy: 'Nightscout Follower' }] })).status).toBe(200);
    const docs = await documents(site.id);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.srvModified.getTime()).toBeGreaterThan(modified.getTime());
    expect((await samples(user.id, 'INSULIN')).map((s) => s.value)).toEqual([1.5]);
  });

  it('the same dose from two apps with their own ids is counted once in the aggregates (dose dedup: 60 s, 0.05 U)', async () => {
    const { user, site } = await newSite();
    const since = new Date();
    const t = Date.UTC(2026, 10, 24, 9, 0, 0);
    // AndroidAPS (nssdk RemoteTreatment: pumpId/pumpType/pumpSerial) and xDrip+ (uuid) both relay a 3 U bolus.
    const aaps = { eventType: 'Correction Bolus', insulin: 3, type: 'NORMAL', isSMB: false, date: t, created_at: at(t), pumpId: 4711, pumpType: 'OMNIPOD_DASH', pumpSerial: 'P1', enteredBy: 'openaps://AndroidAPS' };
    const xdrip = { eventType: 'Correction Bolus', insulin: 3, created_at: at(t + 20_000), uuid: 'x-3u', enteredBy: 'xdrip' };
    expect((await ns(site, 'treatments', { json: [aaps] })).status).toBe(200);
    expect((await ns(site, 'treatments', { json: [xdrip] })).status).toBe(200);
    expect(await samples(user.id, 'INSULIN')).toHaveLength(2); // both kept as evidence
    await waitForPipeline(user.id, since, 60_000);
    const hours = await prisma.healthAggregate.findMany({ where: { userId: user.id, type: 'INSULIN', period: 'HOUR' } });
    expect(hours.reduce((sum, h) => sum + h.sum, 0)).toBeCloseTo(3, 5);
  }, 90_000);

  it('echoes are not stored again: documents sent back with our _id, xDrip+ “via Nightscout” copies', async () => {
    const { user, site } = await newSite();
    expect((await ns(site, 'treatments', { json: loop.batchArray })).status).toBe(200);
    const read = await ns<Doc[]>(site, `treatments?find[created_at][$gte]=${encodeURIComponent(at(Date.parse(loop.tempBasal!.created_at)))}`);
    expect(read.body).toHaveLength(3);
    // A client uploading what it downloaded (our _id, our created_at and mills added): the same documents.
    const before = await samples(user.id);
    const echoed = await ns<Doc[]>(site, 'treatments', { json: read.body.map((d) => ({ ...d, enteredBy: `${String(d.enteredBy)}` })) });
    expect(echoed.status).toBe(200);
    expect(echoed.body.map((d) => d._id).sort()).toEqual(read.body.map((d) => d._id).sort());
    expect(await documents(site.id)).toHaveLength(3);
    expect((await samples(user.id)).map((s) => [s.id, s.version])).toEqual(before.map((s) => [s.id, s.version]));
    // xDrip+ tags treatments it downloaded "… via Nightscout"; one that matches nothing here is not stored.
    const copy = { eventType: 'Meal Bolus', created_at: at(T), insulin: 7, enteredBy: 'AndroidAPS via Nightscout', uuid: 'copied-1' };
    const res = await ns<Doc[]>(site, 'treatments', { json: [copy] });
    expect(res.status).toBe(200);
    expect(await documents(site.id)).toHaveLength(3);
    expect((await samples(user.id, 'INSULIN')).map((s) => s.value)).not.toContain(7);
  });
});

describe('update and delete', () => {
  it('a changed document replaces its projection: a new dose value, a removed carb count, a moved note', async () => {
    const { user, site } = await newSite();
    const meal = { eventType: 'Meal Bolus', created_at: at(T), insulin: 4, carbs: 50, syncIdentifier: 'm-1', enteredBy: 'Loop' };
    expect((await ns(site, 'treatments', { json: [meal] })).status).toBe(200);
    expect((await ns(site, 'treatments', { json: [{ ...meal, insulin: 3.5, carbs: 0 }] })).status).toBe(200);
    expect((await samples(user.id)).map((s) => [s.type, s.value])).toEqual([['INSULIN', 3.5]]);

    const change = { eventType: 'Site Change', created_at: at(T), notes: 'left', syncIdentifier: 's-1', enteredBy: 'Loop' };
    expect((await ns(site, 'treatments', { json: [change] })).status).toBe(200);
    expect((await ns(site, 'treatments', { json: [{ ...change, created_at: at(T + 5 * MIN), notes: 'right' }] })).status).toBe(200);
    expect((await notes(user.id)).map((n) => [n.at, n.text])).toEqual([[T + 5 * MIN, 'Site change — right (via Loop)']]);
  });

  it('DELETE /treatments/<_id> keeps the document as deleted, removes its samples from the aggregates and its note', async () => {
    const { user, site } = await newSite();
    const t = Date.UTC(2026, 10, 25, 14, 0, 0);
    const bolus = { eventType: 'Correction Bolus', created_at: at(t), insulin: 2.5, syncIdentifier: 'd-1', enteredBy: 'Loop' };
    const change = { eventType: 'Site Change', created_at: at(t), notes: 'abdomen', syncIdentifier: 'd-2', enteredBy: 'Loop' };
    const since = new Date();
    const posted = await ns<Doc[]>(site, 'treatments', { json: [bolus, change] });
    await waitForPipeline(user.id, since, 60_000);
    const total = async () => (await prisma.healthAggregate.findMany({ where: { userId: user.id, type: 'INSULIN', period: 'DAY' } })).reduce((s, a) => s + a.sum, 0);
    expect(await total()).toBeCloseTo(2.5, 5);

    const again = new Date();
    for (const doc of posted.body) expect((await ns(site, `treatments/${doc._id}.json`, { method: 'DELETE' })).body).toMatchObject({ deletedCount: 1 });
    expect((await ns(site, `treatments/${posted.body[0]!._id}`, { method: 'DELETE' })).body).toMatchObject({ deletedCount: 0 });
    await waitForPipeline(user.id, again, 60_000);
    expect(await total()).toBe(0);
    expect(await samples(user.id)).toEqual([]);
    expect(await notes(user.id)).toEqual([]);
    const kept = await documents(site.id);
    expect(kept.map((d) => d.isValid)).toEqual([false, false]); // evidence, for API v3 history
    expect((await ns<Doc[]>(site, 'treatments')).body).toEqual([]);
  }, 120_000);

  it('a query DELETE needs a filter (cgm-remote-monitor would delete the last days)', async () => {
    const { site } = await newSite();
    expect((await ns(site, 'treatments', { method: 'DELETE' })).status).toBe(400);
    expect((await ns(site, 'treatments/*', { method: 'DELETE' })).status).toBe(400);
  });
});

describe('refusals', () => {
  let site: Site;
  it('one bad document in an array is named in X-Rejected-Entries; the good ones are kept', async () => {
    const made = await newSite();
    site = made.site;
    const res = await ns<Doc[]>(site, 'treatments', {
      json: [
        { eventType: 'Correction Bolus', created_at: at(T), insulin: 1, uuid: 'ok-1' },
        { eventType: 'Correction Bolus', created_at: at(T), insulin: 'lots', uuid: 'bad-1' },
        { eventType: 'Correction Bolus', created_at: 'tomorrow', insulin: 1, uuid: 'bad-2' },
        { eventType: 'Correction Bolus', created_at: at(T), insulin: 150, uuid: 'bad-3' }, // not a plausible dose
        { eventType: 'Carb Correction', created_at: at(T), carbs: -5, uuid: 'bad-4' },
        'not a document',
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.map((d) => d.uuid)).toEqual(['ok-1']);
    const rejected = JSON.parse(res.headers.get('x-rejected-entries') ?? '[]') as { index: number; field: string }[];
    expect(rejected.map((r) => [r.index, r.field])).toEqual([[1, 'insulin'], [2, 'created_at'], [3, 'insulin'], [4, 'carbs'], [5, '(document)']]);
    expect((await samples(made.user.id)).map((s) => s.value)).toEqual([1]);
    expect(await documents(site.id)).toHaveLength(1);
  });

  it('all refused is 400 with each reason; a wrong secret is 401; malformed JSON 400; over the limit 413', async () => {
    const all = await ns(site, 'treatments', { json: [{ eventType: 3 }] });
    expect(all.status).toBe(400);
    expect(all.body.error.details).toEqual([{ index: 0, field: 'eventType', reason: 'must be a string' }]);
    const wrong = await api(`/ns/${site.id}/api/v1/treatments`, { headers: { 'api-secret': sha1Hex('wrong secret') } });
    expect(wrong.status).toBe(401);
    expect((await nsRaw(site, 'treatments', Buffer.from('[{"eventType":'), { 'content-type': 'application/json' })).status).toBe(400);
    const bomb = gzipSync(Buffer.alloc(9 * 1024 * 1024, 0x20));
    expect((await nsRaw(site, 'treatments', bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(413);
    const filter = await fetch(`${baseUrl()}/ns/${site.id}/api/v1/treatments?find[insulin][$where]=1`, { headers: { 'api-secret': sha1Hex(site.apiSecret) } });
    expect(filter.status).toBe(400);
  });
});
