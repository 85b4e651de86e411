// Integration: API v3 `entries` over our glucose samples, replaying AndroidAPS: the requests of core/nssdk
// networking/NightscoutRemoteService.kt (createEntry, updateEntry, deleteEntry, getSgvs, getSgvsNewerThan,
// getSgvsModifiedSince) with bodies built as plugins/sync nsclientV3/extensions/GlucoseValueExtension.kt
// (toNSSvgV3) and core/nssdk mapper/SvgMapper.kt (toRemoteEntry) build them, `app: "AAPS"` set by
// NSAndroidClientImpl.createSgv. xDrip+'s v1 uploads (NightscoutUploader.java) share the storage.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { decryptSampleRowMetadata } from '@/lib/data/sample-fields';
import { createSignedInUser } from '@/test/factories';
import { createSite, ns, type Site } from '@/test/nightscout';
import { etagMs, v3 } from '@/test/nightscout-v3';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 21, 12, 0, 0);
const grid = (i: number, base = T) => base + i * 5 * MIN;

/** GV → NSSgvV3 → RemoteEntry, as AndroidAPS uploads a reading of its own CGM source. */
const aapsSgv = (date: number, sgv: number, direction = 'Flat') => ({
  type: 'sgv',
  sgv,
  date,
  device: 'AAPS-DexcomG6',
  direction,
  utcOffset: 60,
  isValid: true,
  filtered: sgv * 1000,
  unfiltered: 0.0,
  units: 'mg/dl',
  app: 'AAPS',
});

/** xDrip+ NightscoutUploader.java populateV1APIBGEntry, through API v1. */
const xdripSgv = (date: number, sgv: number) => ({ device: 'xDrip-DexcomG6', date, dateString: new Date(date).toISOString(), sgv, direction: 'Flat', type: 'sgv', noise: 1 });

type Entry = Record<string, unknown> & { identifier: string; date: number; sgv?: number; srvModified: number; srvCreated: number };

async function newSite(): Promise<{ site: Site; userId: string }> {
  const user = await createSignedInUser();
  return { site: await createSite(user.cookie), userId: user.id };
}

const glucose = (userId: string) => prisma.healthSample.findMany({ where: { userId, type: 'BLOOD_GLUCOSE' }, orderBy: [{ startAt: 'asc' }, { deviceId: 'asc' }] });

let site: Site;
let userId: string;

beforeAll(async () => {
  ({ site, userId } = await newSite());
});

describe('createEntry, updateEntry (PATCH), deleteEntry', () => {
  it('create → 201 with the reading’s identifier (its v1 _id); the same again → 200 isDeduplication; stored as a CGM sample', async () => {
    const created = await v3(site, 'entries', { json: aapsSgv(grid(0), 121) });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ status: 201, identifier: expect.stringMatching(/^[0-9a-f]{24}$/), lastModified: expect.any(Number) });
    const id = created.body.identifier!;

    const again = await v3(site, 'entries', { json: aapsSgv(grid(0), 121) });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 200, identifier: id, isDeduplication: true });

    const rows = await glucose(userId);
    expect(rows.map((r) => [r.startAt.getTime(), r.value, r.category])).toEqual([[grid(0), 121, 'interstitial']]);
    expect(await decryptSampleRowMetadata(rows[0]!)).toMatchObject({ specimen_source: 'interstitial fluid', nightscout: { direction: 'Flat', filtered: 121000 } });
    expect(created.body.lastModified).toBe(rows[0]!.createdAt.getTime());

    const read = await v3<Entry>(site, `entries/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.result).toMatchObject({ identifier: id, type: 'sgv', sgv: 121, date: grid(0), direction: 'Flat', device: 'AAPS-DexcomG6', units: 'mg/dl', srvCreated: rows[0]!.createdAt.getTime(), srvModified: rows[0]!.createdAt.getTime() });
    // The same reading through API v1 carries the same id.
    const v1 = await ns<{ _id: string; sgv: number }[]>(site, 'entries/sgv.json');
    expect(v1.body).toEqual([expect.objectContaining({ _id: id, sgv: 121 })]);
    expect((await v3(site, 'entries/0123456789abcdef01234567')).status).toBe(404);
  });

  it('updateSvg (PATCH without date and utcOffset) replaces the value; deleteEntry is refused with 400, which AndroidAPS logs and passes', async () => {
    const id = (await v3(site, 'entries', { json: aapsSgv(grid(1), 130) })).body.identifier!;
    const patch = { ...aapsSgv(grid(1), 134, 'FortyFiveUp'), date: undefined, utcOffset: undefined, app: undefined, identifier: id };
    const patched = await v3(site, `entries/${id}`, { method: 'PATCH', json: patch });
    expect(patched.status).toBe(200);
    expect((await v3<Entry>(site, `entries/${id}`)).body.result).toMatchObject({ sgv: 134, direction: 'FortyFiveUp', date: grid(1) });
    const row = (await glucose(userId)).find((r) => r.startAt.getTime() === grid(1))!;
    expect([row.value, row.version]).toEqual([134, 1]);

    expect((await v3(site, `entries/${id}`, { method: 'PATCH', json: { device: 'other' } })).body).toEqual({ status: 400, message: 'Field device cannot be modified by the client' });
    expect((await v3(site, `entries/${id}`, { method: 'PATCH', json: { type: 'mbg' } })).body).toEqual({ status: 400, message: 'Field type cannot be modified by the client' });

    // NSClientV3Plugin.dbOperationEntries: 400 and 404 are logged and the queue goes on; other codes stop it.
    const deleted = await v3(site, `entries/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(400);
    expect(deleted.body.message).toMatch(/cannot be deleted/);
    expect((await v3(site, `entries/${id}`)).status).toBe(200);
    expect((await v3(site, 'entries/0123456789abcdef01234567', { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses what it cannot keep, by field: calibrations, a missing app, an implausible value', async () => {
    const refused = async (json: unknown) => (await v3(site, 'entries', { json })).body;
    expect(await refused({ ...aapsSgv(grid(2), 100), type: 'cal' })).toEqual({ status: 400, message: 'Bad or missing type field: entries kept here are sgv and mbg' });
    expect(await refused({ ...aapsSgv(grid(2), 100), app: undefined })).toEqual({ status: 400, message: 'Bad or missing app field' });
    expect(await refused(aapsSgv(grid(2), 5000))).toMatchObject({ status: 400, message: expect.stringMatching(/^Bad sgv field: /) });
    expect((await glucose(userId)).some((r) => r.startAt.getTime() === grid(2))).toBe(false);
  });
});

describe('reading entries as AndroidAPS loads them', () => {
  it('getSgvs, getSgvsNewerThan, getSgvsModifiedSince (paged by the ETag), lastModified', async () => {
    const own = await newSite();
    const before = Date.now() - 1000;
    for (let i = 0; i < 6; i++) expect((await v3(own.site, 'entries', { json: aapsSgv(grid(i), 100 + i) })).status).toBe(201);

    const newest = await v3<Entry[]>(own.site, 'entries?sort$desc=date&type=sgv');
    expect(newest.body.result!.map((e) => e.sgv)).toEqual([105, 104, 103, 102, 101, 100]);
    const newer = await v3<Entry[]>(own.site, `entries?sort=date&date$gt=${grid(3)}&limit=500`);
    expect(newer.body.result!.map((e) => e.date)).toEqual([grid(4), grid(5)]);
    const fields = await v3<Entry[]>(own.site, `entries?sort=date&date$gte=${grid(4)}&fields=date,sgv`);
    expect(fields.body.result).toEqual([{ date: grid(4), sgv: 104 }, { date: grid(5), sgv: 105 }]);

    const page1 = await v3<Entry[]>(own.site, `entries/history/${before}?limit=4`);
    expect(page1.body.result!.map((e) => e.sgv)).toEqual([100, 101, 102, 103]);
    const page2 = await v3<Entry[]>(own.site, `entries/history/${etagMs(page1)}?limit=4`);
    expect(page2.body.result!.map((e) => e.sgv)).toEqual([104, 105]);
    expect((await v3<Entry[]>(own.site, `entries/history/${etagMs(page2)}?limit=4`)).body.result).toEqual([]);

    const lm = await v3<{ collections: Record<string, number> }>(own.site, 'lastModified');
    expect(lm.body.result!.collections).toEqual({ entries: etagMs(page2) });
  });

  it('two uploaders relaying one sensor (xDrip+ through v1, AndroidAPS through v3) read as one reading per moment', async () => {
    const own = await newSite();
    const before = Date.now() - 1000;
    const base = Date.UTC(2026, 10, 22, 12, 0, 0);
    expect((await ns(own.site, 'entries', { json: [0, 1, 2, 3].map((i) => xdripSgv(grid(i, base), 110 + i)) })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await v3(own.site, 'entries', { json: aapsSgv(grid(i, base) + 4_000, 110 + i + (i % 2)) })).status).toBe(201);
    expect(await glucose(own.userId)).toHaveLength(8); // every raw reading is kept

    const search = await v3<Entry[]>(own.site, 'entries?sort=date');
    expect(search.body.result).toHaveLength(4);
    search.body.result!.forEach((e, i) => expect(e.date - grid(i, base)).toBeOneOf([0, 4_000]));
    const history = await v3<Entry[]>(own.site, `entries/history/${before}`);
    expect(history.body.result).toHaveLength(4);
    // Only one uploader's readings when asked for by device.
    const xdripOnly = await v3<Entry[]>(own.site, 'entries?device=xDrip-DexcomG6&sort=date');
    expect(xdripOnly.body.result!.every((e) => e.device === 'xDrip-DexcomG6')).toBe(true);
  });

  it('pages by the 1,000-entry limit; a history page keeps a whole upload batch (one stored instant) together', async () => {
    const own = await newSite();
    const before = Date.now() - 1000;
    const base = Date.UTC(2026, 9, 1, 12, 0, 0);
    // One xDrip+ request of 1,005 readings: stored in one transaction, one created_at for all.
    expect((await ns(own.site, 'entries', { json: Array.from({ length: 1005 }, (_, i) => xdripSgv(grid(i, base), 80 + (i % 100))) })).status).toBe(200);
    const page1 = await v3<Entry[]>(own.site, 'entries?sort=date&limit=1000');
    expect(page1.body.result).toHaveLength(1000);
    expect(page1.body.result![0]!.date).toBe(base);
    const page2 = await v3<Entry[]>(own.site, 'entries?sort=date&limit=1000&skip=1000');
    expect(page2.body.result!.map((e) => e.date)).toEqual([1000, 1001, 1002, 1003, 1004].map((i) => grid(i, base)));
    expect((await v3<Entry[]>(own.site, 'entries')).body.result).toHaveLength(1000);
    expect((await v3(own.site, 'entries?limit=1001')).body).toEqual({ status: 400, message: 'Parameter limit out of tolerance' });

    const history = await v3<Entry[]>(own.site, `entries/history/${before}?limit=500`);
    expect(history.body.result).toHaveLength(1005);
    expect((await v3<Entry[]>(own.site, `entries/history/${etagMs(history)}?limit=500`)).body.result).toEqual([]);
  });
});
