// Integration: /ns/:siteId/api/v1/devicestatus against the real server with the clients' shapes (Loop's
// NightscoutKit fixtures, Trio's NightscoutStatus.swift without a time of its own, AndroidAPS's nssdk
// RemoteDeviceStatus), read back newest first, deleted by _id, and summed up for the doctor's page
// (lib/data/nightscout-devicestatus.ts, components/nightscout/device-status.tsx).
import { createRequire } from 'node:module';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DeviceStatusView } from '@/components/nightscout/device-status';
import { latestDeviceStatusesOf } from '@/lib/data/nightscout-devicestatus';
import { createSignedInUser } from '@/test/factories';
import { createSite, ns } from '@/test/nightscout';

const require = createRequire(import.meta.url);
const loop = require('/work/shared/fixtures/nightscout/nightscoutkit-devicestatus.js') as Record<string, Record<string, unknown>[]> & {
  fullLoop: Record<string, unknown> & { created_at: string };
};

type Status = Record<string, unknown> & { _id: string; created_at: string; device: string };
const MIN = 60_000;

describe('devicestatus', () => {
  it('Loop (NightscoutKit NightscoutClient.swift uploadDeviceStatuses): an array stored with _id, read newest first (10 by default)', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const res = await ns<Status[]>(site, 'devicestatus.json', { json: loop.batchArray });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3); // NightscoutKit checks the count it gets back
    for (const s of res.body) expect(s._id).toMatch(/^[0-9a-f]{24}$/);
    const back = await ns<Status[]>(site, 'devicestatus');
    expect(back.body.map((s) => s.created_at)).toEqual([...loop.batchArray!.map((s) => s.created_at as string)].sort().reverse());
    expect((await ns<Status[]>(site, 'devicestatus.json?count=1')).body).toHaveLength(1);
    // The same status again (a retry) is one document.
    expect((await ns(site, 'devicestatus', { json: loop.batchArray })).status).toBe(200);
    expect((await ns<Status[]>(site, 'devicestatus?count=50')).body).toHaveLength(3);

    const gone = await ns(site, `devicestatus/${back.body[0]!._id}`, { method: 'DELETE' });
    expect(gone.body).toMatchObject({ deletedCount: 1 });
    expect((await ns<Status[]>(site, 'devicestatus?count=50')).body).toHaveLength(2);
    // cgm-remote-monitor refuses an _id that is no ObjectId here.
    const bad = await ns(site, 'devicestatus', { json: { ...loop.batchArray![0], _id: 'not-an-object-id' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ index: 0, field: '_id', reason: 'must be a 24-character hex string, or absent' }]);
  });

  it('Trio (NightscoutAPI.swift uploadDeviceStatus): one object without a time is stamped now; the doctor’s card shows it', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const trio = {
      device: 'Trio',
      openaps: {
        iob: { iob: 1.2, basaliob: 0.2, time: iso(now - 2 * MIN) },
        suggested: { timestamp: iso(now - 2 * MIN), COB: 10, IOB: 1.2, rate: 0.8, duration: 30, reason: 'ok' },
        enacted: { timestamp: iso(now - 2 * MIN), rate: 0.8, duration: 30, received: true },
        version: '0.5.0',
        dosingMode: 'closedLoop',
      },
      pump: { clock: iso(now), battery: { percent: 70 }, reservoir: 9, status: { status: 'normal', suspended: false, bolusing: false }, bolusIncrement: 0.05 },
      uploader: { battery: 55, isCharging: false },
    };
    const res = await ns<Status[]>(site, 'devicestatus', { json: trio });
    expect(res.status).toBe(200);
    expect(Math.abs(Date.parse(res.body[0]!.created_at) - now)).toBeLessThan(60_000);

    const { nowMs, statuses } = await latestDeviceStatusesOf(user.id);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ siteId: site.id, loop: { system: 'Trio', iob: 1.2, cob: 10 }, pump: { reservoir: 9 }, uploader: { battery: 55 } });
    const html = renderToStaticMarkup(createElement(DeviceStatusView, { status: statuses[0]!, nowMs }));
    expect(html).toContain('Reservoir is low');
    expect(html).toContain('Trio last run');
    expect(html).toContain('2 min ago');
    expect(html).not.toContain('Loop has not run');
    // Twenty minutes later without a new status, the loop is flagged.
    expect(renderToStaticMarkup(createElement(DeviceStatusView, { status: statuses[0]!, nowMs: nowMs + 20 * MIN }))).toContain('Loop has not run for more than 15 minutes');
    // Another patient sees nothing of it.
    const other = await createSignedInUser();
    expect((await latestDeviceStatusesOf(other.id)).statuses).toEqual([]);
  });
});
