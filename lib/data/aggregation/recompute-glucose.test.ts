// Integration: glucose dedup from stored samples to hourly aggregates (issue 13, finding 1). A recheck
// is a second reading; a CGM (by device type, or by the specimen a sample names) never cancels a meter.
import { describe, expect, it } from 'vitest';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { pool } from '@/lib/db/client';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createDevice, createUser } from '@/test/factories';
import { recomputeDirtyRanges } from './recompute-user';

type Device = { id: string };
const glucose = (at: string, value: number, unit = 'mg/dL', metadata?: Record<string, unknown>) => ({
  type: 'BLOOD_GLUCOSE', value, unit, startDate: at, endDate: at, ...(metadata ? { metadata } : {}),
});

async function store(userId: string, device: Device, samples: Record<string, unknown>[]) {
  const batch = parseSyncBatch({ samples }, Date.now());
  expect(batch.rejected).toEqual([]);
  await storeSyncBatch({ device: { id: device.id, userId, timeZone: 'UTC' }, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
}

async function glucoseHours(userId: string) {
  const { rows } = await pool().query<{ hour: string; count: number; min: number; max: number }>(
    `SELECT to_char(period_start, 'HH24:MI') AS hour, count, min, max FROM health_aggregates
     WHERE user_id = $1 AND type = 'BLOOD_GLUCOSE' AND period = 'HOUR' ORDER BY period_start`,
    [userId],
  );
  return rows;
}

describe('glucose aggregates from stored samples', () => {
  it('counts a recheck, and keeps CGM and meter readings apart', async () => {
    const user = await createUser({ timeZone: 'UTC' });
    const meter = await createDevice(user.id, 'glucometer', 'Meter');
    const manual = await createDevice(user.id, 'manual', 'Log data');
    const cgm = await createDevice(user.id, 'cgm', 'Sensor');
    const relay = await createDevice(user.id, 'phone', 'Phone app relaying the sensor');
    // Away from day edges; the day is in the past so nothing depends on the clock.
    await store(user.id, meter, [glucose('2026-11-10T01:02:34Z', 32), glucose('2026-11-10T10:00:10Z', 120), glucose('2026-11-10T11:02:00Z', 100)]);
    await store(user.id, manual, [glucose('2026-11-10T01:05:12Z', 7.2, 'mmol/L')]);
    await store(user.id, cgm, [glucose('2026-11-10T10:00:00Z', 120), glucose('2026-11-10T11:00:00Z', 100)]);
    await store(user.id, relay, [glucose('2026-11-10T10:00:30Z', 121, 'mg/dL', { specimen_source: 'interstitial fluid' })]);

    await recomputeDirtyRanges(user.id);
    const hours = await glucoseHours(user.id);
    // 01: the case: 32 mg/dL, then 129.7 mg/dL two and a half minutes later, both count.
    expect(hours[0]).toMatchObject({ hour: '01:00', count: 2, min: 32 });
    expect(hours[0]!.max).toBeCloseTo(129.7, 1);
    // 10: the sensor's reading and its relayed copy are one; the fingerstick at the same time is another.
    expect(hours[1]).toMatchObject({ hour: '10:00', count: 2 });
    // 11: a CGM reading (told by its device type) and a meter reading of the same value both count.
    expect(hours[2]).toMatchObject({ hour: '11:00', count: 2, min: 100, max: 100 });
    expect(hours).toHaveLength(3);
  });
});
