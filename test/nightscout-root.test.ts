// Integration: Nightscout's API asked at the host root, as Loop (LoopKit NightscoutKit
// Sources/NightscoutKit/NightscoutClient.swift: `url(with:)` keeps scheme, host and port, drops the path)
// and Trio (Trio/Sources/Services/Network/Nightscout/NightscoutAPI.swift: the same URLComponents) send it,
// against the real server. The site is found from the credential alone; refusals are the same 401 and
// count against the client's address. Each test sends from a loopback address of its own, so the root's
// per-address limit is its own.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser } from '@/test/factories';
import { fetchFrom, randomLoopback } from '@/test/from-address';
import { api } from '@/test/http';
import { createSite, createToken, sha1Hex, sha512Hex, type Site } from '@/test/nightscout';

type Entry = { _id: string; type: string; date: number; sgv?: number; device: string };
type Patient = Awaited<ReturnType<typeof createSignedInUser>>;

const MIN = 60_000;
// Readings well in the past, on a 5-minute grid (the sync path refuses the future).
const at = (i: number) => Date.UTC(2026, 10, 18, 9, 0, 0) + i * 5 * MIN;

/** What NightscoutKit's callNS and Trio's requests carry: JSON both ways, the secret's SHA-1 in `api-secret`. */
const loopHeaders = (secret: string) => ({ 'content-type': 'application/json', accept: 'application/json', 'api-secret': sha1Hex(secret) });

/** Trio's uploadGlucose body (BloodGlucose, JSONCoding.encoder): sgv entries with their direction and dateString. */
const trioSgv = (ms: number, sgv: number) => ({ _id: randomUUID(), sgv, glucose: sgv, direction: 'Flat', date: ms, dateString: new Date(ms).toISOString(), type: 'sgv', device: 'Trio' });

let patientA: Patient;
let patientB: Patient;
let siteA: Site;
let siteB: Site;

beforeAll(async () => {
  [patientA, patientB] = await Promise.all([createSignedInUser(), createSignedInUser()]);
  [siteA, siteB] = await Promise.all([createSite(patientA.cookie, 'Loop'), createSite(patientB.cookie, 'Trio')]);
});

describe('Nightscout at the host root', () => {
  it("answers Loop's checkAuth (GET /api/v1/experiments/test) and status.json for the secret's SHA-1 or SHA-512, 401 without one", async () => {
    const from = randomLoopback();
    const auth = await fetchFrom(from, '/api/v1/experiments/test', { headers: loopHeaders(siteA.apiSecret) });
    expect(auth.status).toBe(200);
    expect(auth.body).toEqual({ status: 'ok' });
    for (const secret of [sha1Hex(siteA.apiSecret), sha512Hex(siteA.apiSecret), siteA.apiSecret]) {
      const status = await fetchFrom(from, '/api/v1/status.json', { headers: { 'api-secret': secret } });
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ status: 'ok', apiEnabled: true });
    }
    const verify = await fetchFrom(from, `/api/v1/verifyauth?secret=${sha1Hex(siteA.apiSecret)}`);
    expect((verify.body as { message: { isAdmin: boolean } }).message.isAdmin).toBe(true);
    // Nothing sent: Nightscout's 401 (no default role), for a session cookie too (never our own API).
    for (const init of [{}, { headers: { cookie: patientA.cookie } }]) expect((await fetchFrom(from, '/api/v1/status.json', init)).status).toBe(401);
  });

  it("stores Trio's uploads (POST /api/v1/entries.json) for the secret's site, and each patient reads only their own (GET /api/v1/entries/sgv.json)", async () => {
    const from = randomLoopback();
    const upA = await fetchFrom(from, '/api/v1/entries.json', { method: 'POST', headers: loopHeaders(siteA.apiSecret), body: JSON.stringify([trioSgv(at(0), 111), trioSgv(at(1), 112)]) });
    expect(upA.status, upA.text).toBe(200);
    const upB = await fetchFrom(from, '/api/v1/entries.json', { method: 'POST', headers: loopHeaders(siteB.apiSecret), body: JSON.stringify([trioSgv(at(0), 222)]) });
    expect(upB.status, upB.text).toBe(200);

    const readA = await fetchFrom(from, '/api/v1/entries/sgv.json?count=1600', { headers: { 'api-secret': sha1Hex(siteA.apiSecret) } });
    const readB = await fetchFrom(from, '/api/v1/entries/sgv.json?count=1600', { headers: { 'api-secret': sha1Hex(siteB.apiSecret) } });
    expect((readA.body as Entry[]).map((e) => e.sgv)).toEqual([112, 111]);
    expect((readB.body as Entry[]).map((e) => e.sgv)).toEqual([222]);
    // The same as under /ns/<siteId>/.
    const underSite = await fetchFrom(from, `/ns/${siteA.id}/api/v1/entries/sgv.json?count=1600`, { headers: { 'api-secret': sha1Hex(siteA.apiSecret) } });
    expect(underSite.body).toEqual(readA.body);

    const stored = await prisma.healthSample.findMany({ where: { type: 'BLOOD_GLUCOSE', userId: { in: [patientA.id, patientB.id] } }, select: { userId: true } });
    expect(stored.filter((s) => s.userId === patientA.id)).toHaveLength(2);
    expect(stored.filter((s) => s.userId === patientB.id)).toHaveLength(1);
  });

  it('audits a root upload under the real site: its device, its patient', async () => {
    const userAgent = `root-audit ${randomUUID()}`;
    const res = await fetchFrom(randomLoopback(), '/api/v1/entries', { method: 'POST', headers: { ...loopHeaders(siteB.apiSecret), 'user-agent': userAgent }, body: JSON.stringify([trioSgv(at(5), 140)]) });
    expect(res.status).toBe(200);
    const rows = await prisma.auditLog.findMany({ where: { userAgent } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorDeviceId: siteB.id, targetType: 'devices', targetId: siteB.id, patientId: patientB.id, outcome: 'SUCCESS' });
  });

  it('accepts an access token: ?token=, its SHA-1 in api-secret (xDrip+ follower), and a JWT as Bearer; its role still decides', async () => {
    const from = randomLoopback();
    const token = await createToken(patientA.cookie, siteA, 'readable');
    const byQuery = await fetchFrom(from, `/api/v1/entries.json?count=10&token=${token.token}`);
    expect(byQuery.status).toBe(200);
    expect((byQuery.body as Entry[]).every((e) => e.sgv !== 222)).toBe(true);
    expect((await fetchFrom(from, '/api/v1/entries.json?count=1', { headers: { 'api-secret': sha1Hex(token.token) } })).status).toBe(200);
    const jwt = await fetchFrom(from, `/api/v2/authorization/request/${token.token}`);
    expect(jwt.status).toBe(200);
    const bearer = await fetchFrom(from, '/api/v1/entries.json?count=1', { headers: { authorization: `Bearer ${(jwt.body as { token: string }).token}` } });
    expect(bearer.status).toBe(200);
    // A readable token may not upload (cgm-remote-monitor's API v1 answers 401).
    const upload = await fetchFrom(from, `/api/v1/entries.json?token=${token.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([trioSgv(at(9), 150)]) });
    expect(upload.status).toBe(401);
  });

  it('answers 401 to a wrong secret alike, and counts it per address: past 10, 429 for the right secret too; other addresses go on', async () => {
    const from = randomLoopback();
    const refusals = await Promise.all([
      fetchFrom(from, '/api/v1/status.json', { headers: { 'api-secret': sha1Hex('not a secret of anyone') } }),
      fetchFrom(from, '/api/v1/status.json', { headers: { 'api-secret': sha512Hex('not a secret of anyone') } }),
      fetchFrom(from, '/api/v1/status.json?token=nobody-00000000000000000000000000000000'),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(new Set(refusals.map((r) => r.text)).size).toBe(1);
    for (let i = 3; i < 10; i += 1) {
      expect((await fetchFrom(from, '/api/v1/experiments/test', { headers: { 'api-secret': sha1Hex(`guess ${i}`) } })).status).toBe(401);
    }
    const blocked = await fetchFrom(from, '/api/v1/status.json', { headers: { 'api-secret': sha1Hex(siteA.apiSecret) } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetchFrom(randomLoopback(), '/api/v1/status.json', { headers: { 'api-secret': sha1Hex(siteA.apiSecret) } })).status).toBe(200);
  });

  it('refuses a revoked site at the root as any wrong secret', async () => {
    const site = await createSite(patientA.cookie, 'Soon revoked');
    const from = randomLoopback();
    expect((await fetchFrom(from, '/api/v1/status', { headers: { 'api-secret': sha1Hex(site.apiSecret) } })).status).toBe(200);
    expect((await api(`/api/v1/nightscout-sites/${site.id}`, { method: 'DELETE', cookie: patientA.cookie })).status).toBe(204);
    expect((await fetchFrom(from, '/api/v1/status', { headers: { 'api-secret': sha1Hex(site.apiSecret) } })).status).toBe(401);
  });
});
