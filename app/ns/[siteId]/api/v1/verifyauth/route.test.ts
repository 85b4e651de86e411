// Integration: access tokens as Nightscout credentials on the v1 API, against the real server, in the ways
// clients send them (each test names the client file), with Nightscout's roles (cgm-remote-monitor
// lib/authorization/storage.js): what each role may do, refusals (401 as cgm-remote-monitor answers),
// the failure limit, and verifyauth's answer per credential (lib/api/verifyauth.js: always 200).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';
import { createSite, createToken, ns, sha1Hex, type AccessToken, type Site } from '@/test/nightscout';

let cookie: string;
let site: Site;
let readable: AccessToken;
let admin: AccessToken;

const MIN = 60_000;
const sgvAt = (ms: number, sgv: number) => ({ device: 'xDrip-DexcomG6', date: ms, dateString: new Date(ms).toISOString(), sgv, direction: 'Flat', type: 'sgv' });
const at = (i: number) => Date.UTC(2026, 10, 21, 9, 0, 0) + i * 5 * MIN;

beforeAll(async () => {
  cookie = (await createSignedInUser()).cookie;
  site = await createSite(cookie);
  [readable, admin] = [await createToken(cookie, site, 'readable'), await createToken(cookie, site, 'admin')];
  expect((await ns(site, 'entries', { json: [sgvAt(at(0), 120)] })).status).toBe(200);
});

const withToken = (path: string, token: string, init: { method?: string; json?: unknown } = {}) =>
  api(`/ns/${site.id}/api/v1/${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`, init);

describe('access tokens on the v1 API', () => {
  it('Nightguard (UserDefaultsRepository.swift getUrlWithPathAndQueryParameters: `token=` on every URL): a readable token reads entries and status, and may not upload (401)', async () => {
    const read = await withToken('entries.json?count=20', readable.token);
    expect(read.status).toBe(200);
    expect(read.body.map((e: { sgv: number }) => e.sgv)).toEqual([120]);
    expect((await withToken('status.json', readable.token)).status).toBe(200);
    const upload = await withToken('entries', readable.token, { json: [sgvAt(at(1), 130)] });
    expect(upload.status).toBe(401);
    expect(upload.body.error.message).toContain('api:entries:create');
    expect((await withToken('experiments/test', readable.token)).status).toBe(401);
    const stored = await ns(site, 'entries.json?count=5');
    expect(stored.body.map((e: { sgv: number }) => e.sgv)).toEqual([120]);
  });

  it('xDrip+ with the token typed where the secret goes (NightscoutUploader.java, nsfollow/utils/NightscoutUrl.java getHashedSecret): `api-secret` carries its SHA-1; the token itself there works too', async () => {
    const upload = await api(`/ns/${site.id}/api/v1/entries`, { json: [sgvAt(at(2), 140)], headers: { 'api-secret': sha1Hex(admin.token) } });
    expect(upload.status).toBe(200);
    // NightscoutFollow.java getEntries: GET /api/v1/entries.json?count=…&rr=… with the hashed secret.
    const follow = await api(`/ns/${site.id}/api/v1/entries.json?count=2&rr=${Date.now()}`, { headers: { 'api-secret': sha1Hex(readable.token) } });
    expect(follow.status).toBe(200);
    expect(follow.body.map((e: { sgv: number }) => e.sgv)).toEqual([140, 120]);
    expect((await api(`/ns/${site.id}/api/v1/entries.json`, { headers: { 'api-secret': readable.token } })).status).toBe(200);
    expect((await api(`/ns/${site.id}/api/v1/entries`, { json: [sgvAt(at(3), 150)], headers: { 'api-secret': sha1Hex(readable.token) } })).status).toBe(401);
  });

  it('careportal and devicestatus-upload read only the status; admin does everything', async () => {
    for (const role of ['careportal', 'devicestatus-upload']) {
      const made = await createToken(cookie, site, role);
      expect((await withToken('status.json', made.token)).status, role).toBe(200);
      expect((await withToken('entries.json', made.token)).status, role).toBe(401);
      expect((await withToken('entries', made.token, { json: [sgvAt(at(4), 160)] })).status, role).toBe(401);
    }
    expect((await withToken('experiments/test', admin.token)).status).toBe(200);
    expect((await withToken('entries', admin.token, { json: [sgvAt(at(4), 160)] })).status).toBe(200);
  });

  it('refuses a token of another site, an unknown one and a revoked one with the same 401', async () => {
    const other = await createSite(cookie);
    const foreign = await createToken(cookie, other, 'admin');
    const revoked = await createToken(cookie, site, 'readable');
    expect((await api(`/api/v1/nightscout-sites/${site.id}/tokens/${revoked.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    const answers = await Promise.all([
      withToken('entries.json', foreign.token),
      withToken('entries.json', readable.token.slice(0, -1) + (readable.token.endsWith('0') ? '1' : '0')), // another token, always
      withToken('entries.json', revoked.token),
      api(`/ns/${site.id}/api/v1/entries.json`, { headers: { 'api-secret': sha1Hex(revoked.token) } }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    // The foreign token still works on its own site.
    expect((await api(`/ns/${other.id}/api/v1/entries.json?token=${foreign.token}`)).status).toBe(200);
  });

  it('counts wrong tokens against the site and address like wrong secrets (past 10: 429, the right one too); a revoked token and no credential do not count', async () => {
    const target = await createSite(cookie);
    const good = await createToken(cookie, target, 'readable');
    const gone = await createToken(cookie, target, 'readable');
    expect((await api(`/api/v1/nightscout-sites/${target.id}/tokens/${gone.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    for (let i = 0; i < 12; i += 1) {
      expect((await api(`/ns/${target.id}/api/v1/entries.json?token=${gone.token}`)).status).toBe(401);
      expect((await api(`/ns/${target.id}/api/v1/entries.json`)).status).toBe(401);
    }
    expect((await api(`/ns/${target.id}/api/v1/entries.json?token=${good.token}`)).status).toBe(200);
    for (let i = 0; i < 10; i += 1) {
      expect((await api(`/ns/${target.id}/api/v1/entries.json?token=guess-${i.toString(16).padStart(32, '0')}`)).status).toBe(401);
    }
    const blocked = await api(`/ns/${target.id}/api/v1/entries.json?token=${good.token}`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('leaves the audit row of a token’s request naming the site and the token id, never the token', async () => {
    const userAgent = `ns-token-audit ${Date.now()}`;
    const res = await api(`/ns/${site.id}/api/v1/entries?token=${readable.token}`, { headers: { 'user-agent': userAgent } });
    expect(res.status).toBe(200);
    const rows = await prisma.auditLog.findMany({ where: { userAgent } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'GET /ns/[siteId]/api/v1/entries', actorDeviceId: site.id, targetId: site.id, details: { tokenId: readable.id } });
    expect(JSON.stringify(rows[0]!.details)).not.toContain(readable.token);
  });
});

describe('verifyauth answers per credential (cgm-remote-monitor lib/api/verifyauth.js)', () => {
  const verify = async (query: string, headers: Record<string, string> = {}) => {
    const res = await api(`/ns/${site.id}/api/v1/verifyauth${query}`, { headers });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(200);
    return res.body.message;
  };

  it('no credential: the default roles (none here): 200 with canRead false', async () => {
    expect(await verify('')).toEqual({ canRead: false, canWrite: false, isAdmin: false, message: 'UNAUTHORIZED', rolefound: 'NOTFOUND', permissions: 'DEFAULT' });
  });

  it('a wrong credential: 200 with canRead false, permissions ROLE', async () => {
    expect(await verify('', { 'api-secret': sha1Hex('wrong secret') })).toEqual({ canRead: false, canWrite: false, isAdmin: false, message: 'UNAUTHORIZED', rolefound: 'NOTFOUND', permissions: 'ROLE' });
  });

  it('the API secret: admin, no role found', async () => {
    expect(await verify('', { 'api-secret': sha1Hex(site.apiSecret) })).toEqual({ canRead: true, canWrite: true, isAdmin: true, message: 'OK', rolefound: 'NOTFOUND', permissions: 'ROLE' });
  });

  it('a token: what its role may do', async () => {
    const careportal = await createToken(cookie, site, 'careportal');
    expect(await verify(`?token=${readable.token}`)).toEqual({ canRead: true, canWrite: false, isAdmin: false, message: 'OK', rolefound: 'FOUND', permissions: 'ROLE' });
    expect(await verify(`.json?token=${admin.token}`)).toEqual({ canRead: true, canWrite: true, isAdmin: true, message: 'OK', rolefound: 'FOUND', permissions: 'ROLE' });
    expect(await verify('', { 'api-secret': sha1Hex(careportal.token) })).toEqual({ canRead: false, canWrite: false, isAdmin: false, message: 'UNAUTHORIZED', rolefound: 'FOUND', permissions: 'ROLE' });
  });
});

describe('status.json with ?token= (cgm-remote-monitor lib/api/status.js `authorized`)', () => {
  it('carries the JWT answer for the token, null for the secret; the JWT then works as a Bearer', async () => {
    const res = await withToken('status.json', readable.token);
    expect(res.status).toBe(200);
    expect(res.body.authorized).toMatchObject({ sub: readable.name, permissionGroups: [['*:*:read'], ['api:status:read']] });
    expect(res.body.authorized.exp - res.body.authorized.iat).toBe(8 * 3600);
    expect((await ns(site, 'status.json')).body.authorized).toBeNull();
    const bearer = await api(`/ns/${site.id}/api/v1/entries.json`, { headers: { authorization: `Bearer ${res.body.authorized.token}` } });
    expect(bearer.status).toBe(200);
  });
});
