// Integration: /ns/:siteId/api/v1/activity with xDrip+'s shapes (NightscoutUploader.java postHeartRate,
// postStepsCount): heart rate becomes HEART_RATE samples, the running step count STEPS samples of the
// steps taken since the previous count (StepCounter.java), under the uploader's device; read back.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser } from '@/test/factories';
import { createSite, ns } from '@/test/nightscout';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 20, 8, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const hr = (ms: number, bpm: number) => ({ type: 'hr-bpm', timeStamp: ms, created_at: iso(ms), bpm });
const steps = (ms: number, total: number) => ({ type: 'steps-total', timeStamp: ms, created_at: iso(ms), steps: total });

describe('activity', () => {
  it('heart rate and running step counts from xDrip+, in two requests, become samples; a retry adds nothing', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const first = [hr(T, 64), hr(T + 5 * MIN, 70), steps(T, 1000), steps(T + 5 * MIN, 1250)];
    const res = await ns<Record<string, unknown>[]>(site, 'activity.json', { json: first });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(4);
    // The next upload continues from the stored count; a restarted counter counts from zero.
    expect((await ns(site, 'activity', { json: [steps(T + 10 * MIN, 1400), steps(T + 15 * MIN, 80)] })).status).toBe(200);
    expect((await ns(site, 'activity', { json: first })).status).toBe(200);

    const rows = await prisma.healthSample.findMany({ where: { userId: user.id }, orderBy: [{ type: 'asc' }, { startAt: 'asc' }] });
    expect(rows.map((r) => [r.type, r.value, r.startAt.getTime() - T, r.endAt.getTime() - T])).toEqual([
      ['STEPS', 250, 0, 5 * MIN],
      ['STEPS', 150, 5 * MIN, 10 * MIN],
      ['STEPS', 80, 10 * MIN, 15 * MIN],
      ['HEART_RATE', 64, 0, 0],
      ['HEART_RATE', 70, 5 * MIN, 5 * MIN],
    ]);
    expect(new Set(rows.map((r) => r.deviceId)).size).toBe(1);
    const back = await ns<Record<string, unknown>[]>(site, 'activity?count=3&find[type]=steps-total');
    expect(back.body.map((d) => d.steps)).toEqual([80, 1400, 1250]);
  });

  it('an implausible heart rate refuses that record only', async () => {
    const user = await createSignedInUser();
    const site = await createSite(user.cookie);
    const res = await ns(site, 'activity', { json: [hr(T, 900), hr(T + MIN, 66)] });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.headers.get('x-rejected-entries') ?? '[]')).toEqual([{ index: 0, field: 'bpm', reason: expect.any(String) }]);
    expect((await prisma.healthSample.findMany({ where: { userId: user.id } })).map((r) => r.value)).toEqual([66]);
  });
});
