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

describe('refreshInsights: the daily rules judge whole days only', () => {
  it('a day just begun (1 step at 02:02) does not make a week of fewer steps', async () => {
    const now = new Date('2025-06-15T02:02:00Z');
    const user = await createUser({ timeZone: 'UTC' });
    const day = (offset: number) => new Date(Date.UTC(2025, 5, 15 + offset));
    const steps = (offset: number, value: number) => ({
      userId: user.id, type: 'STEPS' as const, period: 'DAY' as const, periodStart: day(offset), value, count: 1, sum: value, sources: {},
    });
    await prisma.healthAggregate.createMany({
      data: [
        ...Array.from({ length: 28 }, (_, i) => steps(-35 + i, 10_000)), // the usual weeks: 10,000 a day
        ...[-4, -3, -2, -1].map((offset) => steps(offset, 9_000)), // four whole days this week
        steps(0, 1), // today, two minutes past 02:00
      ],
    });
    await refreshInsights(user.id, now);
    expect(await prisma.insight.findFirst({ where: { userId: user.id, kind: 'ACTIVITY_CHANGE' } })).toBeNull();
  });
});
