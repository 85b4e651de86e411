// Integration: POST/GET /ns/:siteId/api/v1/entries against the real server, with the request shapes the
// clients really send (each test names the client file it follows) and Nightscout's own fixture. What is
// read back comes from our storage: glucose samples stored through the sync ingest path.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { decryptSampleRowMetadata } from '@/lib/data/sample-fields';
import { createSignedInUser, waitForPipeline } from '@/test/factories';
import { api } from '@/test/http';
import { createSite, ns, nsRaw, type Site } from '@/test/nightscout';

type Entry = { _id: string; type: string; date: number; dateString: string; sgv?: number; mbg?: number; direction?: string; trend?: number; device: string };
type Patient = Awaited<ReturnType<typeof createSignedInUser>>;

const MIN = 60_000;
// Readings on a 5-minute grid, well in the past (the sync path refuses the future).
const grid = (i: number, base = Date.UTC(2026, 10, 20, 8, 0, 0)) => base + i * 5 * MIN;

/** Java's SimpleDateFormat "yyyy-MM-dd'T'HH:mm:ss.SSSZ" in UTC+01:00 (xDrip+ writes the offset without a colon). */
function javaDateString(ms: number): string {
  const local = new Date(ms + 3600_000).toISOString().replace('Z', '');
  return `${local}+0100`;
}

/** xDrip+ NightscoutUploader.java populateV1APIBGEntry: one sgv. */
const xdripSgv = (ms: number, sgv: number) => ({
  device: 'xDrip-DexcomG6',
  date: ms,
  dateString: javaDateString(ms),
  sgv,
  direction: 'Flat',
  type: 'sgv',
  filtered: 152000,
  unfiltered: 154000,
  rssi: 100,
  noise: 1,
  delta: 1.5,
});

/** AndroidAPS GlucoseValueExtension.kt (plugins/sync nsclient) toJson: one sgv. */
const aapsSgv = (ms: number, sgv: number) => ({
  device: 'AndroidAPS-DexcomG6',
  date: ms,
  dateString: new Date(ms).toISOString(),
  isValid: true,
  sgv,
  direction: 'Flat',
  type: 'sgv',
});

async function readings(userId: string) {
  return prisma.healthSample.findMany({ where: { userId, type: 'BLOOD_GLUCOSE' }, orderBy: [{ startAt: 'asc' }, { deviceId: 'asc' }] });
}

let patient: Patient;

beforeAll(async () => {
  patient = await createSignedInUser();
});

describe('POST entries in the clients’ shapes', () => {
  it('xDrip+ (NightscoutUploader.java doRESTUploadTo): an array of sgv, mbg and cal, stored as CGM and meter readings', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const t = grid(0);
    const body = [
      xdripSgv(t, 152),
      xdripSgv(t + 5 * MIN, 158),
      // populateV1APIMeterReadingEntry
      { device: 'xDrip-DexcomG6', type: 'mbg', date: t + 2 * MIN, dateString: javaDateString(t + 2 * MIN), mbg: 149 },
      // populateV1APICalibrationEntry
      { device: 'xDrip-DexcomG6', type: 'cal', date: t + 2 * MIN, dateString: javaDateString(t + 2 * MIN), slope: 850, intercept: 32000, scale: 1 },
    ];
    const res = await ns<Entry[]>(site, 'entries', { json: body });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(4);
    for (const doc of res.body) expect(doc._id ?? 'cal').toMatch(/^([0-9a-f]{24}|cal)$/);

    const rows = await readings(user.id);
    expect(rows.map((r) => [r.startAt.getTime(), r.value, r.category])).toEqual([
      [t, 152, 'interstitial'],
      [t + 2 * MIN, 149, 'blood'],
      [t + 5 * MIN, 158, 'interstitial'],
    ]);
    expect(new Set(rows.map((r) => r.deviceId)).size).toBe(1); // one uploader, one source
    const uploader = await prisma.nightscoutUploader.findUniqueOrThrow({ where: { deviceId: rows[0]!.deviceId } });
    expect(uploader.siteId).toBe(site.id);
    const metadata = (await decryptSampleRowMetadata(rows[0]!)) as { specimen_source: string; nightscout: Record<string, unknown> };
    expect(metadata).toMatchObject({ specimen_source: 'interstitial fluid', nightscout: { direction: 'Flat', noise: 1, filtered: 152000, rssi: 100 } });

    // Read back from storage: the ids match, `date` is the instant.
    const sgv = await ns<Entry[]>(site, 'entries/sgv.json?count=10');
    expect(sgv.body.map((e) => [e.date, e.sgv, e.direction, e.type, e.device])).toEqual([
      [t + 5 * MIN, 158, 'Flat', 'sgv', 'xDrip-DexcomG6'],
      [t, 152, 'Flat', 'sgv', 'xDrip-DexcomG6'],
    ]);
    expect(sgv.body[1]!._id).toBe(res.body[0]!._id);
    expect(sgv.body[1]!.dateString).toBe(new Date(t).toISOString());
    expect(sgv.body[1]!.trend).toBe(4);
    const mbg = await ns<Entry[]>(site, 'entries/mbg.json');
    expect(mbg.body.map((e) => [e.date, e.mbg, e.type])).toEqual([[t + 2 * MIN, 149, 'mbg']]);
  });

  it('xDrip+ one request per reading, retried: the same {instant, type} from the same uploader is stored once', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const doc = xdripSgv(grid(1), 140);
    for (let i = 0; i < 3; i += 1) expect((await ns(site, 'entries', { json: [doc] })).status).toBe(200);
    expect(await readings(user.id)).toHaveLength(1);
  });

  it('upserts by {instant, type}: the same reading sent again with another value (xDrip+ after a calibration) replaces it', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const t = grid(4);
    expect((await ns(site, 'entries', { json: [xdripSgv(t, 140)] })).status).toBe(200);
    expect((await ns(site, 'entries', { json: [xdripSgv(t, 146)] })).status).toBe(200);
    expect((await ns(site, 'entries', { json: [xdripSgv(t, 146)] })).status).toBe(200); // a retry changes nothing
    const rows = await readings(user.id);
    expect(rows.map((r) => [r.value, r.version])).toEqual([[146, 1]]);
    expect((await ns<Entry[]>(site, 'entries/sgv.json')).body.map((e) => e.sgv)).toEqual([146]);
  });

  it('leaves one audit row per upload: the site as actor, its patient, counts only (no values, no secret)', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const userAgent = `ns-audit ${Date.now()}`;
    const res = await ns(site, 'entries', { json: [xdripSgv(grid(5), 187), { type: 'sgv', sgv: 'x', date: grid(6) }], headers: { 'user-agent': userAgent } });
    expect(res.status).toBe(200);
    const rows = await prisma.auditLog.findMany({ where: { userAgent } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'POST /ns/[siteId]/api/v1/entries', actorDeviceId: site.id, patientId: user.id, targetType: 'devices', targetId: site.id });
    expect(rows[0]!.details).toMatchObject({ accepted: 1, rejected: 1 });
    const text = JSON.stringify(rows[0]!.details);
    expect(text).not.toContain('187');
    expect(text).not.toContain(site.apiSecret);
  });

  it('AndroidAPS (GlucoseValueExtension.kt): a single object, not an array, to entries.json', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const res = await ns<Entry[]>(site, 'entries.json', { json: aapsSgv(grid(2), 117) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ sgv: 117, _id: expect.stringMatching(/^[0-9a-f]{24}$/) })]);
    const [row] = await readings(user.id);
    expect(row).toMatchObject({ value: 117, category: 'interstitial' });
    expect(row!.startAt.getTime()).toBe(grid(2));
  });

  it('Loop (NightscoutKit GlucoseEntry.swift): `date` as a fractional Double, `sgv` as a Double, `trend` as a number', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const t = grid(3);
    const body = [0, 1, 2].map((i) => ({
      sgv: 120.0 + i,
      date: t + i * 5 * MIN + 0.4,
      dateString: new Date(t + i * 5 * MIN).toISOString(),
      type: 'sgv',
      device: 'loop://iPhone',
      direction: 'FortyFiveUp',
      trend: 3,
    }));
    expect((await ns(site, 'entries', { json: body })).status).toBe(200);
    const back = await ns<Entry[]>(site, 'entries.json?count=5');
    expect(back.body.map((e) => [e.date, e.sgv, e.trend, e.device])).toEqual([
      [t + 10 * MIN, 122, 3, 'loop://iPhone'],
      [t + 5 * MIN, 121, 3, 'loop://iPhone'],
      [t, 120, 3, 'loop://iPhone'],
    ]);
  });

  it("Nightscout's own fixture (tests/fixtures/example.json): sgv as strings; sensor codes (sgv 5) refused by index, the rest kept", async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const fixture = JSON.parse(readFileSync('/work/shared/fixtures/nightscout/example.json', 'utf8')) as { sgv: string }[];
    const res = await ns<Entry[]>(site, 'entries', { json: fixture });
    expect(res.status).toBe(200);
    const bad = fixture.flatMap((e, index) => (Number(e.sgv) < 10 ? [index] : []));
    expect(bad.length).toBeGreaterThan(0);
    expect(res.body).toHaveLength(fixture.length - bad.length);
    const rejected = JSON.parse(res.headers.get('x-rejected-entries') ?? '[]') as { index: number; field: string }[];
    expect(rejected.map((r) => r.index)).toEqual(bad);
    expect(await readings(user.id)).toHaveLength(fixture.length - bad.length);
  });
});

describe('two uploaders relaying one sensor', () => {
  it('give one reading per moment (dedup.md: 60 s and 2 mg/dL), in any order, retried, in reads and in the aggregates', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const since = new Date();
    const moments = Array.from({ length: 12 }, (_, i) => grid(i, Date.UTC(2026, 10, 21, 10, 0, 0)));
    const values = moments.map((_, i) => 100 + i * 3);
    // AndroidAPS relays xDrip+'s readings a few seconds later, sometimes 1 mg/dL apart.
    const xdrip = moments.map((t, i) => xdripSgv(t, values[i]!));
    const aaps = moments.map((t, i) => aapsSgv(t + 4_000, values[i]! + (i % 2)));
    const requests = [
      ...aaps.slice(6).map((d) => [d]),
      xdrip.slice().reverse(),
      aaps.slice(0, 6),
      xdrip.slice(0, 4), // a retry
      [aaps[3]!], // another retry
    ];
    for (const json of requests) expect((await ns(site, 'entries', { json })).status).toBe(200);

    const rows = await readings(user.id);
    expect(rows).toHaveLength(24); // every raw reading is kept: dedup decides what counts, it deletes nothing
    const sgv = await ns<Entry[]>(site, 'entries/sgv.json?count=100');
    expect(sgv.body).toHaveLength(12);
    // Of two readings of one moment the higher-ranked source's is kept (equal priorities: by device id).
    const dates = sgv.body.map((e) => e.date).sort();
    dates.forEach((d, i) => expect(d - moments[i]!).toBeOneOf([0, 4_000]));
    const current = await ns<Entry[]>(site, 'entries/current.json');
    expect(current.body).toHaveLength(1);
    expect(current.body[0]!.date).toBeGreaterThanOrEqual(moments[11]!);

    await waitForPipeline(user.id, since, 60_000);
    const hours = await prisma.healthAggregate.findMany({ where: { userId: user.id, type: 'BLOOD_GLUCOSE', period: 'HOUR' } });
    expect(hours.reduce((n, h) => n + h.count, 0)).toBe(12);
  }, 120_000);
});

describe('echoes', () => {
  it('entries sent back with the _id we answered (a follower re-uploading under its own name) are not stored again', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const t = grid(0, Date.UTC(2026, 10, 26, 7, 0, 0));
    expect((await ns(site, 'entries', { json: [xdripSgv(t, 111), xdripSgv(t + 5 * MIN, 115)] })).status).toBe(200);
    const read = await ns<Entry[]>(site, 'entries.json?count=10');
    // e.g. a Nightscout follower uploading what it downloaded, relabelled as its own device.
    const echoed = read.body.map((e) => ({ ...e, device: 'Follower' }));
    const res = await ns<Entry[]>(site, 'entries', { json: [...echoed, { ...aapsSgv(t + 10 * MIN, 119), device: 'Follower' }] });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
    expect(res.body.slice(0, 2).map((e) => e._id)).toEqual(read.body.map((e) => e._id));
    const rows = await readings(user.id);
    expect(rows.map((r) => r.value)).toEqual([111, 115, 119]); // only the new reading was added
  });
});

describe('GET entries filters', () => {
  let site: Site;
  const base = Date.UTC(2026, 10, 22, 6, 0, 0);
  beforeAll(async () => {
    site = await createSite(patient.cookie);
    const body = Array.from({ length: 8 }, (_, i) => xdripSgv(grid(i, base), 90 + i));
    expect((await ns(site, 'entries', { json: body })).status).toBe(200);
  });

  it('count (default 10), newest first', async () => {
    expect((await ns<Entry[]>(site, 'entries')).body).toHaveLength(8);
    const two = await ns<Entry[]>(site, 'entries.json?count=2');
    expect(two.body.map((e) => e.sgv)).toEqual([97, 96]);
  });

  it('find[date][$gte|$gt|$lte|$lt] in ms, and find[dateString][$gte] as ISO', async () => {
    const q = (s: string) => ns<Entry[]>(site, `entries/sgv.json?count=100&${s}`).then((r) => r.body.map((e) => e.sgv));
    expect(await q(`find[date][$gte]=${grid(5, base)}`)).toEqual([97, 96, 95]);
    expect(await q(`find[date][$gt]=${grid(5, base)}`)).toEqual([97, 96]);
    expect(await q(`find[date][$lte]=${grid(1, base)}`)).toEqual([91, 90]);
    expect(await q(`find[date][$gte]=${grid(2, base)}&find[date][$lt]=${grid(4, base)}`)).toEqual([93, 92]);
    expect(await q(`find[dateString][$gte]=${encodeURIComponent(new Date(grid(6, base)).toISOString())}`)).toEqual([97, 96]);
    expect((await ns(site, 'entries?find[date][$gte]=yesterday')).status).toBe(400);
  });
});

describe('bad input and limits', () => {
  let site: Site;
  beforeAll(async () => {
    site = await createSite(patient.cookie);
  });

  it('a batch of only bad documents is 400 with each reason, and stores nothing', async () => {
    const before = (await readings(patient.id)).length;
    const res = await ns(site, 'entries', {
      json: [{ type: 'sgv', sgv: 'high', date: grid(1) }, { type: 'sgv', sgv: 100 }, { type: 'treatment', date: grid(1) }, 'x', { type: 'sgv', sgv: 100, date: Date.now() + 3600_000 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { index: number; field: string }) => [d.index, d.field])).toEqual([
      [0, 'sgv'],
      [1, 'date'],
      [2, 'type'],
      [3, '(entry)'],
      [4, 'endDate'],
    ]);
    expect((await readings(patient.id)).length).toBe(before);
    expect(await prisma.nightscoutUploader.count({ where: { siteId: site.id } })).toBe(0); // not even the uploader
  });

  it('an uploader the patient revoked (as a device) is refused; the other uploaders of the site go on', async () => {
    const user = await createSignedInUser();
    const own = await createSite(user.cookie);
    expect((await ns(own, 'entries', { json: [xdripSgv(grid(0), 120)] })).status).toBe(200);
    const { deviceId } = await prisma.nightscoutUploader.findFirstOrThrow({ where: { siteId: own.id } });
    expect((await api(`/api/v1/devices/${deviceId}`, { method: 'DELETE', cookie: user.cookie })).status).toBe(204);
    const refused = await ns(own, 'entries', { json: [xdripSgv(grid(1), 121)] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ index: 0, field: 'device', reason: 'this uploader was revoked' }]);
    const mixed = await ns(own, 'entries', { json: [xdripSgv(grid(2), 122), aapsSgv(grid(2), 122)] });
    expect(mixed.status).toBe(200);
    expect(mixed.body).toHaveLength(1);
    expect(JSON.parse(mixed.headers.get('x-rejected-entries') ?? '[]')).toEqual([{ index: 0, field: 'device', reason: 'this uploader was revoked' }]);
    expect(await readings(user.id)).toHaveLength(2);
  });

  it('malformed JSON is 400; a gzip body is accepted; over 8 MB once decompressed is 413', async () => {
    expect((await nsRaw(site, 'entries', Buffer.from('[{"type":'), { 'content-type': 'application/json' })).status).toBe(400);
    const zipped = gzipSync(JSON.stringify([xdripSgv(grid(7, Date.UTC(2026, 10, 23)), 131)]));
    const ok = await nsRaw(site, 'entries', zipped, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(ok.status).toBe(200);
    expect((ok.body as Entry[])[0]!.sgv).toBe(131);
    const bomb = gzipSync(Buffer.alloc(9 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    expect((await nsRaw(site, 'entries', bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(413);
  });
});
