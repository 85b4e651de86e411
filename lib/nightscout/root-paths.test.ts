// Unit: which paths asked at the host root are Nightscout's (rewritten to /ns/root/), and that every
// /ns/<siteId>/api/{v1,v3} route is reachable there while none of our own /api routes is taken.
import { describe, expect, it } from 'vitest';
import { listRoutes } from '@/test/route-inventory';
import { nightscoutRootPath, ROOT_SITE } from './root-paths';

describe('nightscoutRootPath', () => {
  it('maps the Nightscout paths Loop (NightscoutKit NightscoutClient.swift) and Trio (NightscoutAPI.swift) ask at the root', () => {
    const asked = [
      '/api/v1/status.json',
      '/api/v1/verifyauth',
      '/api/v1/experiments/test',
      '/api/v1/entries',
      '/api/v1/entries.json',
      '/api/v1/entries/sgv.json',
      '/api/v1/treatments.json',
      '/api/v1/treatments/5f0c0e2a9b1d4c0012345678',
      '/api/v1/devicestatus.json',
      '/api/v1/profile.json',
      '/api/v1/profile/current',
      '/api/v1/activity',
      '/api/v1/food.json',
      '/api/v3/treatments/history/123',
      '/api/v3/version',
    ];
    for (const path of asked) expect(nightscoutRootPath(path), path).toBe(`/ns/${ROOT_SITE}${path}`);
  });

  it('leaves every other path alone', () => {
    for (const path of ['/api/v1/nightscout-sites', '/api/v1/devices', '/api/v1/entriesx', '/api/v1/statuses', '/api/v2/authorization/request/x', '/api/v3x', '/ns/abc/api/v1/entries', '/', '/api/v1']) {
      expect(nightscoutRootPath(path), path).toBeNull();
    }
  });

  it('reaches every /ns/<siteId>/api/{v1,v3} route, and none of our own /api routes', () => {
    const routes = listRoutes();
    const nightscout = routes.filter((r) => /^\/ns\/\[siteId\]\/api\/v[13]\//.test(r.template));
    expect(nightscout.length).toBeGreaterThan(0);
    for (const { template } of nightscout) {
      const atRoot = template.slice('/ns/[siteId]'.length).replace(/\[(?:\.\.\.)?\w+\]/g, 'x');
      expect(nightscoutRootPath(atRoot), template).toBe(`/ns/${ROOT_SITE}${atRoot}`);
    }
    for (const { template } of routes.filter((r) => r.template.startsWith('/api/'))) expect(nightscoutRootPath(template), template).toBeNull();
  });
});
