// Integration: how a Nightscout client proves it holds a site's secret, against the real server. Each
// way cgm-remote-monitor accepts (lib/authorization: the `api-secret` header with the secret's SHA-1
// hex, as xDrip+'s NightscoutUploader.java, AndroidAPS and Loop send it; the SHA-512 hex; `?secret=`),
// each refusal (401, the same for a wrong secret, an unknown site and a revoked one), the limit on
// wrong secrets per site and address, and status/verifyauth/experiments answered with or without .json.
// Access tokens and JWTs: ../verifyauth/route.test.ts and ../../v2/authorization/request.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';
import { createSite, ns, sha1Hex, sha512Hex, type Site } from '@/test/nightscout';

let cookie: string;
let site: Site;

beforeAll(async () => {
  cookie = (await createSignedInUser()).cookie;
  site = await createSite(cookie);
});

describe('Nightscout authentication', () => {
  it('accepts the SHA-1 hex (either case), the SHA-512 hex and the secret itself, in the header or ?secret=', async () => {
    const ways: [string, Record<string, string>, string][] = [
      ['sha1 header', { 'api-secret': sha1Hex(site.apiSecret) }, ''],
      ['SHA1 upper-case', { 'api-secret': sha1Hex(site.apiSecret).toUpperCase() }, ''],
      ['sha512 header', { 'api-secret': sha512Hex(site.apiSecret) }, ''],
      ['plain header', { 'api-secret': site.apiSecret }, ''],
      ['?secret= sha1', { 'api-secret': '' }, `?secret=${sha1Hex(site.apiSecret)}`],
      ['?secret= plain', { 'api-secret': '' }, `?secret=${encodeURIComponent(site.apiSecret)}`],
    ];
    for (const [label, headers, query] of ways) {
      const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
      const res = await api(`/ns/${site.id}/api/v1/verifyauth${query}`, { headers: clean });
      expect(res.status, label).toBe(200);
      expect(res.body.message).toMatchObject({ canRead: true, canWrite: true, message: 'OK' });
    }
  });

  it('answers 401 to a wrong or missing secret, an unknown site and a malformed site id, alike', async () => {
    const other = await createSite(cookie);
    const refusals = [
      api(`/ns/${site.id}/api/v1/status.json`),
      api(`/ns/${site.id}/api/v1/status.json`, { headers: { 'api-secret': sha1Hex('not the secret at all') } }),
      api(`/ns/${site.id}/api/v1/status.json`, { headers: { 'api-secret': sha1Hex(other.apiSecret) } }), // another site's secret
      api(`/ns/${randomUUID()}/api/v1/status.json`, { headers: { 'api-secret': sha1Hex(site.apiSecret) } }),
      api(`/ns/not-a-site/api/v1/status.json`, { headers: { 'api-secret': sha1Hex(site.apiSecret) } }),
    ];
    const answers = await Promise.all(refusals);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    // A session cookie is no Nightscout credential.
    expect((await api(`/ns/${site.id}/api/v1/entries.json`, { cookie })).status).toBe(401);
  });

  it('limits wrong secrets per site and address: past 10 in the window every try is 429, the right one included; other sites are untouched', async () => {
    const target = await createSite(cookie);
    const neighbour = await createSite(cookie);
    for (let i = 0; i < 10; i += 1) {
      // verifyauth answers 200 whatever the credential (canRead false for a wrong one) but counts it too.
      const path = i % 2 === 0 ? 'status.json' : 'verifyauth';
      expect((await api(`/ns/${target.id}/api/v1/${path}`, { headers: { 'api-secret': sha1Hex(`guess ${i}`) } })).status).toBe(i % 2 === 0 ? 401 : 200);
    }
    for (const path of ['status.json', 'verifyauth']) {
      const blocked = await ns(target, path);
      expect(blocked.status, path).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await ns(neighbour, 'verifyauth')).status).toBe(200);
  });
});

describe('GET status, verifyauth, experiments/test', () => {
  it('answers status.json in the shape xDrip+, AndroidAPS and Loop read (cgm-remote-monitor lib/api/status.js)', async () => {
    for (const path of ['status.json', 'status']) {
      const res = await ns(site, path);
      expect(res.status, path).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', apiEnabled: true, careportalEnabled: true, settings: { units: 'mg/dl' } });
      expect(res.body.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(Math.abs(Date.parse(res.body.serverTime) - Date.now())).toBeLessThan(60_000);
      expect(res.body.serverTimeEpoch).toBeTypeOf('number');
      expect(res.body.settings.thresholds).toMatchObject({ bgHigh: expect.any(Number), bgLow: expect.any(Number) });
    }
  });

  it('answers verifyauth and experiments/test with and without .json', async () => {
    for (const path of ['verifyauth', 'verifyauth.json']) expect((await ns(site, path)).body.message.isAdmin, path).toBe(true);
    for (const path of ['experiments/test', 'experiments/test.json']) {
      const res = await ns(site, path);
      expect(res.status, path).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    }
  });
});
