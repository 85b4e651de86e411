// Integration: JWTs for access tokens (GET /api/v2/authorization/request/<token>, cgm-remote-monitor's
// lib/authorization/endpoints.js + index.js authorize) and `Authorization: Bearer <jwt>`, replaying
// AndroidAPS's nssdk: NSAuthInterceptor.kt (first request with an empty Bearer; on 401 it asks for a JWT
// and retries with it, sending a `Date` header of epoch ms), NightscoutAuthRefreshService.kt (the path
// `/api/v2/authorization/request/{refreshToken}` is absolute: asked at the host's root, whatever the site's
// path), RemoteAuthResponse.kt (reads `token`, `iat`, `exp`). Revoking the token stops its JWTs; an
// expired JWT is 401; the token in the path is in no audit row.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { signJwt } from '@/lib/nightscout/jwt';
import { createSignedInUser } from '@/test/factories';
import { randomLoopback } from '@/test/from-address';
import { api as apiFrom } from '@/test/http';
import { createSite, createToken, type AccessToken, type Site } from '@/test/nightscout';

// Every request from this file's own client address: the limits on guesses (per address at the host root)
// and the throttling of anonymous audit rows are then this file's alone, whatever other tests run beside it.
const from = randomLoopback();
const api: typeof apiFrom = (path, init = {}) => apiFrom(path, { ...init, from });

let cookie: string;
let site: Site;
let admin: AccessToken;

const sgv = (ms: number, value: number) => ({ device: 'AndroidAPS-DexcomG6', date: ms, dateString: new Date(ms).toISOString(), isValid: true, sgv: value, direction: 'Flat', type: 'sgv' });
const at = (i: number) => Date.UTC(2026, 10, 22, 9, 0, 0) + i * 5 * 60_000;

beforeAll(async () => {
  cookie = (await createSignedInUser()).cookie;
  site = await createSite(cookie);
  admin = await createToken(cookie, site, 'admin', 'AndroidAPS phone');
});

/** A request as NSAuthInterceptor.requestWithBearer builds it. */
const withBearer = (path: string, jwt: string, init: { json?: unknown } = {}) =>
  api(`/ns/${site.id}/api/v1/${path}`, { ...init, headers: { Date: String(Date.now()), Authorization: `Bearer ${jwt}` } });

describe('the AndroidAPS nssdk flow', () => {
  it('empty Bearer → 401; JWT asked at the host root → {token, iat, exp}; the retry with it → 200', async () => {
    const first = await withBearer('entries', '', { json: [sgv(at(0), 110)] });
    expect(first.status).toBe(401);
    const refresh = await api(`/api/v2/authorization/request/${admin.token}`);
    expect(refresh.status).toBe(200);
    expect(refresh.headers.get('cache-control')).toBe('no-store');
    expect(refresh.body).toEqual({
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      sub: 'AndroidAPS phone',
      permissionGroups: [['*'], ['api:status:read']],
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(refresh.body.exp - refresh.body.iat).toBe(8 * 3600);
    expect(Math.abs(refresh.body.iat * 1000 - Date.now())).toBeLessThan(60_000);
    const retry = await withBearer('entries', refresh.body.token, { json: [sgv(at(0), 110)] });
    expect(retry.status).toBe(200);
    expect((await withBearer('entries.json?count=1', refresh.body.token)).body.map((e: { sgv: number }) => e.sgv)).toEqual([110]);
  });

  it('serves the same answer under the site’s own path, for that site’s tokens only', async () => {
    const own = await api(`/ns/${site.id}/api/v2/authorization/request/${admin.token}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
    expect(own.body.sub).toBe('AndroidAPS phone');
    const other = await createSite(cookie);
    expect((await api(`/ns/${other.id}/api/v2/authorization/request/${admin.token}`)).status).toBe(401);
    expect((await api(`/ns/not-a-site/api/v2/authorization/request/${admin.token}`)).status).toBe(401);
    // A JWT of one site's token opens nothing on another site.
    expect((await api(`/ns/${other.id}/api/v1/status.json`, { headers: { authorization: `Bearer ${own.body.token}` } })).status).toBe(401);
  });

  it('a JWT carries its token’s role: a readable token’s JWT reads but may not upload (401)', async () => {
    const follower = await createToken(cookie, site, 'readable', 'Follower');
    const { body } = await api(`/api/v2/authorization/request/${follower.token}`);
    expect(body.permissionGroups).toEqual([['*:*:read'], ['api:status:read']]);
    expect((await withBearer('entries.json', body.token)).status).toBe(200);
    expect((await withBearer('entries', body.token, { json: [sgv(at(1), 120)] })).status).toBe(401);
    // ?token=<jwt> works as the Bearer does, and a JWT gets a fresh JWT (authorize accepts either).
    expect((await api(`/ns/${site.id}/api/v1/entries.json?token=${body.token}`)).status).toBe(200);
    const again = await api(`/api/v2/authorization/request/${body.token}`);
    expect(again.status).toBe(200);
    expect(again.body.permissionGroups).toEqual(body.permissionGroups);
  });

  it('revoking the token refuses a new JWT and stops the JWTs already issued (401)', async () => {
    const made = await createToken(cookie, site, 'admin', 'Lost phone');
    const { body } = await api(`/api/v2/authorization/request/${made.token}`);
    expect((await withBearer('entries.json', body.token)).status).toBe(200);
    expect((await api(`/api/v1/nightscout-sites/${site.id}/tokens/${made.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    expect((await withBearer('entries.json', body.token)).status).toBe(401);
    expect((await api(`/api/v2/authorization/request/${made.token}`)).status).toBe(401);
    expect((await api(`/api/v2/authorization/request/${body.token}`)).status).toBe(401);
  });

  it('revoking the site stops its tokens’ JWTs', async () => {
    const doomed = await createSite(cookie);
    const made = await createToken(cookie, doomed, 'admin');
    const { body } = await api(`/api/v2/authorization/request/${made.token}`);
    expect((await api(`/ns/${doomed.id}/api/v1/status.json`, { headers: { authorization: `Bearer ${body.token}` } })).status).toBe(200);
    expect((await api(`/api/v1/nightscout-sites/${doomed.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    expect((await api(`/ns/${doomed.id}/api/v1/status.json`, { headers: { authorization: `Bearer ${body.token}` } })).status).toBe(401);
    expect((await api(`/api/v2/authorization/request/${made.token}`)).status).toBe(401);
  });

  it('an expired JWT is 401 (the client asks for a new one); a forged one too', async () => {
    const expired = signJwt(admin.id, Date.now() - 8 * 3600_000 - 1000).jwt;
    expect((await withBearer('entries.json', expired)).status).toBe(401);
    const fresh = signJwt(admin.id).jwt;
    expect((await withBearer('entries.json', fresh)).status).toBe(200);
    const [header, payload] = fresh.split('.');
    expect((await withBearer('entries.json', `${header}.${payload}.${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('records the JWT request with the site and token id, never the token (action by template)', async () => {
    const userAgent = `ns-jwt-audit ${Date.now()}`;
    const res = await api(`/api/v2/authorization/request/${admin.token}`, { headers: { 'user-agent': userAgent } });
    expect(res.status).toBe(200);
    const wrong = admin.token.slice(0, -1) + (admin.token.endsWith('0') ? '1' : '0'); // another token, always
    const refused = await api(`/ns/${site.id}/api/v2/authorization/request/${wrong}`, { headers: { 'user-agent': userAgent } });
    expect(refused.status).toBe(401);
    const rows = await prisma.auditLog.findMany({ where: { userAgent }, orderBy: { id: 'asc' } });
    expect(rows[0]).toMatchObject({ action: 'GET /api/v2/authorization/request/[accessToken]', actorDeviceId: site.id, targetType: 'devices', targetId: site.id, details: { tokenId: admin.id } });
    expect(rows.map((r) => r.action)).toContain('GET /ns/[siteId]/api/v2/authorization/request/[accessToken]');
    for (const row of rows) expect(`${row.action} ${row.targetId} ${JSON.stringify(row.details)}`).not.toContain(admin.token.slice(0, -1));
  });

  it('counts unknown tokens asked for at the root per address: past 10, 429 (the right token too)', async () => {
    // The root's count is per address, across sites: another test file's guesses may already be in it.
    for (let i = 0; i < 10; i += 1) {
      expect([401, 429]).toContain((await api(`/api/v2/authorization/request/guess-${i.toString(16).padStart(32, '0')}`)).status);
    }
    const blocked = await api(`/api/v2/authorization/request/${admin.token}`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
