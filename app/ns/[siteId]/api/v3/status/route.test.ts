// Integration: how AndroidAPS authenticates to API v3 and what each credential may do there. The flow of
// core/nssdk networking/NSAuthInterceptor.kt: every request carries `Authorization: Bearer <jwt>` (empty at
// first); a 401 or 403 makes it fetch a JWT for its access token from NightscoutAuthRefreshService.kt's
// absolute path `/api/v2/authorization/request/<token>` (the host's root, whatever the site's path) and
// retry. STATUS's apiPermissions are what NSClientV3Plugin.hasWritePermission reads ("crud" everywhere).
// Refusals as cgm-remote-monitor's lib/api3/security.js: 401 for no or a bad credential, 403 naming the
// permission a credential lacks.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser } from '@/test/factories';
import { randomLoopback } from '@/test/from-address';
import { api as apiFrom } from '@/test/http';
import { createSite, createToken, type Site } from '@/test/nightscout';

// Every request from this file's own client address: the limits on guesses (per address at the host root)
// and the throttling of anonymous audit rows are then this file's alone, whatever other tests run beside it.
const from = randomLoopback();
const api: typeof apiFrom = (path, init = {}) => apiFrom(path, { ...init, from });

type Status = { version: string; apiVersion: string; srvDate: number; storage: { storage: string; version: string }; apiPermissions: Record<string, string> };

let cookie: string;
let site: Site;

beforeAll(async () => {
  const user = await createSignedInUser();
  cookie = user.cookie;
  site = await createSite(cookie);
});

/** NSAuthInterceptor: the request with the current JWT; on 401/403 a new JWT from the host root, then once more. */
async function aaps<T = unknown>(accessToken: string, path: string, init: { method?: string; json?: unknown } = {}, jwt = '') {
  const send = (bearer: string) => api<{ status: number; result?: T; message?: string; identifier?: string }>(`/ns/${site.id}/api/v3/${path}`, { ...init, headers: { authorization: `Bearer ${bearer}`, date: String(Date.now()) } });
  const first = await send(jwt);
  if (first.status !== 401 && first.status !== 403) return { first, final: first, jwt };
  const refresh = await api<{ token: string; iat: number; exp: number }>(`/api/v2/authorization/request/${accessToken}`);
  expect(refresh.status).toBe(200);
  return { first, final: await send(refresh.body.token), jwt: refresh.body.token };
}

describe('AndroidAPS with an admin token (what the setup page tells the patient to create)', () => {
  it('gets 401 with its empty Bearer, a JWT from the host root, then status with "crud" everywhere', async () => {
    const { token } = await createToken(cookie, site, 'admin', 'AAPS');
    const { first, final, jwt } = await aaps<Status>(token, 'status');
    expect(first.status).toBe(401);
    expect(first.body).toEqual({ status: 401, message: 'Missing or bad access token or JWT' });
    expect(final.status).toBe(200);
    expect(final.body.result!.apiPermissions).toEqual({ devicestatus: 'crud', entries: 'crud', food: 'crud', profile: 'crud', settings: 'crud', treatments: 'crud' });

    // The loop goes on with that JWT: lastModified, a create, history.
    const lm = await aaps<{ srvDate: number; collections: Record<string, number> }>(token, 'lastModified', {}, jwt);
    expect(lm.first.status).toBe(200);
    const created = await aaps(token, 'treatments', { json: { date: Date.UTC(2026, 10, 20, 12), utcOffset: 0, eventType: 'Note', notes: 'from AAPS', app: 'AAPS' } }, jwt);
    expect(created.first.status).toBe(201);
    const history = await aaps<unknown[]>(token, `treatments/history/${Date.now() - 60_000}?limit=500`, {}, jwt);
    expect(history.first.body.result).toHaveLength(1);
  });
});

describe('tokens of the other roles', () => {
  it('readable: reads everything, status "r", a create is 403 naming the permission', async () => {
    const { token } = await createToken(cookie, site, 'readable');
    const status = await aaps<Status>(token, 'status');
    expect(status.final.body.result!.apiPermissions).toEqual({ devicestatus: 'r', entries: 'r', food: 'r', profile: 'r', settings: 'r', treatments: 'r' });
    const { final, jwt } = await aaps(token, 'treatments?limit=10');
    expect(final.status).toBe(200);
    const refused = await api(`/ns/${site.id}/api/v3/treatments`, { json: { date: Date.UTC(2026, 10, 20, 13), utcOffset: 0, eventType: 'Note', app: 'x' }, headers: { authorization: `Bearer ${jwt}` } });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ status: 403, message: 'Missing permission api:treatments:create' });
  });

  it('devicestatus-upload: creates devicestatus (a second create of the same needs update: 403), reads nothing', async () => {
    const { token } = await createToken(cookie, site, 'devicestatus-upload');
    const doc = { date: Date.now() - 60_000, device: 'openaps://phone', uploaderBattery: 50, app: 'AAPS' };
    const created = await aaps(token, 'devicestatus', { json: doc });
    expect(created.final.status).toBe(201);
    const again = await api(`/ns/${site.id}/api/v3/devicestatus`, { json: doc, headers: { authorization: `Bearer ${created.jwt}` } });
    expect(again.body).toEqual({ status: 403, message: 'Missing permission api:devicestatus:update' });
    const status = await api<{ result: Status }>(`/ns/${site.id}/api/v3/status`, { headers: { authorization: `Bearer ${created.jwt}` } });
    expect(status.body.result.apiPermissions).toEqual({ devicestatus: 'c' });
    const lm = await api<{ result: { collections: Record<string, number> } }>(`/ns/${site.id}/api/v3/lastModified`, { headers: { authorization: `Bearer ${created.jwt}` } });
    expect(lm.body.result.collections).toEqual({});
    const search = await api(`/ns/${site.id}/api/v3/devicestatus`, { headers: { authorization: `Bearer ${created.jwt}` } });
    expect(search.body).toEqual({ status: 403, message: 'Missing permission api:devicestatus:read' });
  });

  it('settings are listed only with the admin permission', async () => {
    const { token } = await createToken(cookie, site, 'readable', 'reader 2');
    const { final } = await aaps(token, 'settings');
    expect(final.body).toEqual({ status: 403, message: 'Missing permission api:settings:admin' });
  });
});
