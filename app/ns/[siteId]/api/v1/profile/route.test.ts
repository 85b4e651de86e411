// Integration: /ns/:siteId/api/v1/profile against the real server: Loop's NightscoutKit profile sets
// (cgm-remote-monitor's fixtures; NightscoutKit checks it gets back as many as it sent), read back
// newest startDate first, `count=1` as Trio's importSettings reads it, and /profile/current.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createSignedInUser } from '@/test/factories';
import { createSite, ns } from '@/test/nightscout';

const require = createRequire(import.meta.url);
const profiles = require('/work/shared/fixtures/nightscout/nightscoutkit-profiles.js') as Record<string, (Record<string, unknown> & { startDate: string })[]>;

type Profile = Record<string, unknown> & { _id: string; startDate: string; defaultProfile: string; store: Record<string, unknown> };

describe('profile', () => {
  it('stores profile sets and reads them back (GET /profile, count=1, /profile/current)', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const sent = profiles.batchArray!;
    const res = await ns<Profile[]>(site, 'profile.json', { json: sent });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(sent.length);
    const newest = [...sent].sort((a, b) => Date.parse(b.startDate) - Date.parse(a.startDate));
    const all = await ns<Profile[]>(site, 'profile');
    expect(all.body.map((p) => p.startDate)).toEqual(newest.map((p) => p.startDate));
    expect(all.body[0]!.store).toEqual(newest[0]!.store);
    const one = await ns<Profile[]>(site, 'profile.json?count=1');
    expect(one.body.map((p) => p._id)).toEqual([all.body[0]!._id]);
    const current = await ns<Profile>(site, 'profile/current.json');
    expect(current.body).toMatchObject({ _id: all.body[0]!._id, defaultProfile: newest[0]!.defaultProfile });

    const empty = await createSite(user.cookie, 'Empty');
    expect((await ns(empty, 'profile/current')).body).toBeNull();
    expect((await ns(site, 'profile', { json: { store: 'not an object', startDate: newest[0]!.startDate } })).status).toBe(400);
  });
});
