// Integration (real PostgreSQL): refreshInsights tells the patient when an insight gets worse, as it does
// for a new one (within the daily cap), and only once per rise. The clock is pinned at noon UTC.
import { describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { createDevice, createUser } from '@/test/factories';
import { refreshInsights } from './insights';
import { ensureSamplePartitions } from './partitions';

const NOW = new Date('2025-06-15T12:00:00Z');
const HOUR_MS = 3_600_000;

async function glucose(userId: string, values: number[], firstHoursAgo: number) {
  const device = await createDevice(userId, 'glucometer');
  const rows = values.map((value, i) => ({ atMs: NOW.getTime() - (firstHoursAgo + 3 * i) * HOUR_MS, value }));
  await ensureSamplePartitions(pool(), rows.map((r) => r.atMs));
  await prisma.healthSample.createMany({
    data: rows.map((r) => ({ userId, deviceId: device.id, type: 'BLOOD_GLUCOSE' as const, startAt: new Date(r.atMs), endAt: new Date(r.atMs), value: r.value })),
  });
}

const glucoseInsight = (userId: string) => prisma.insight.findFirst({ where: { userId, kind: 'GLUCOSE_TIME_IN_RANGE', status: 'ACTIVE' } });
const insightNotifications = (userId: string) => prisma.notification.count({ where: { patientId: userId, kind: 'insight.GLUCOSE_TIME_IN_RANGE' } });

describe('refreshInsights: a rise in severity notifies', () => {
  it('INFO → MEDIUM: one notification; the same data again: none more', async () => {
    const user = await createUser({ timeZone: 'UTC' });
    await glucose(user.id, Array<number>(20).fill(120), 2); // all in range: INFO, no notification
    await refreshInsights(user.id, NOW);
    expect(await glucoseInsight(user.id)).toMatchObject({ severity: 'INFO' });
    expect(await insightNotifications(user.id)).toBe(0);

    await glucose(user.id, [300, 300, 300], 1.5); // 3 of 23 above 250 (13 %): MEDIUM
    await refreshInsights(user.id, NOW);
    const worse = await glucoseInsight(user.id);
    expect(worse).toMatchObject({ severity: 'MEDIUM' });
    expect(await prisma.notification.findMany({ where: { patientId: user.id }, select: { insightId: true, kind: true } }))
      .toEqual([{ insightId: worse!.id, kind: 'insight.GLUCOSE_TIME_IN_RANGE' }]);

    await refreshInsights(user.id, NOW);
    expect(await insightNotifications(user.id)).toBe(1);
  });

  it('MEDIUM → HIGH notifies again; HIGH → MEDIUM (better) does not', async () => {
    const user = await createUser({ timeZone: 'UTC' });
    await glucose(user.id, [...Array<number>(17).fill(120), 300, 300, 300], 2); // 15 % above 250: MEDIUM
    await refreshInsights(user.id, NOW);
    expect(await insightNotifications(user.id)).toBe(1);

    await glucose(user.id, [50], 1.5); // 1 of 21 below 54: HIGH
    await refreshInsights(user.id, NOW);
    expect(await glucoseInsight(user.id)).toMatchObject({ severity: 'HIGH' });
    expect(await insightNotifications(user.id)).toBe(2);

    await glucose(user.id, [...Array<number>(85).fill(120), 300, 300, 300, 300, 300], 0.5); // 0.9 % below 54, 7.2 % above 250: MEDIUM
    await refreshInsights(user.id, NOW);
    expect(await glucoseInsight(user.id)).toMatchObject({ severity: 'MEDIUM' });
    expect(await insightNotifications(user.id)).toBe(2);
  });
});
