// Integration: insulin and carbohydrates from stored samples to daily totals with provenance. Two uploaders
// relaying one bolus (as xDrip+ and AndroidAPS both do for one Nightscout site) count it once; a temp
// basal beside a bolus of equal units is a second delivery; carbs are summed the same way.
import { describe, expect, it } from 'vitest';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { pool } from '@/lib/db/client';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createDevice, createUser } from '@/test/factories';
import { recomputeDirtyRanges } from './recompute-user';

type Device = { id: string };
const dose = (at: string, value: number, category?: string, endAt = at) => ({
  type: 'INSULIN', value, unit: 'U', startDate: at, endDate: endAt, ...(category ? { category } : {}),
});
const carbs = (at: string, grams: number) => ({ type: 'CARBOHYDRATES', value: grams, unit: 'g', startDate: at, endDate: at });

async function store(userId: string, device: Device, samples: Record<string, unknown>[]) {
  const batch = parseSyncBatch({ samples }, Date.now());
  expect(batch.rejected).toEqual([]);
  await storeSyncBatch({ device: { id: device.id, userId, timeZone: 'UTC' }, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
}

async function days(userId: string, type: string) {
  const { rows } = await pool().query<{ day: string; value: number; count: number; sources: Record<string, number> }>(
    `SELECT to_char(period_start, 'YYYY-MM-DD') AS day, value, count, sources FROM health_aggregates
     WHERE user_id = $1 AND type = $2::"HealthType" AND period = 'DAY' ORDER BY period_start`,
    [userId, type],
  );
  return rows;
}

describe('insulin and carbohydrate totals from stored samples', () => {
  it('counts a bolus relayed by two uploaders once, and every other dose', async () => {
    const user = await createUser({ timeZone: 'UTC' });
    const xdrip = await createDevice(user.id, 'cgm', 'xDrip+');
    const aaps = await createDevice(user.id, 'phone', 'AndroidAPS');
    // Away from day edges; the day is in the past so nothing depends on the clock.
    await store(user.id, aaps, [
      dose('2026-11-10T08:00:00Z', 4.5, 'bolus'),
      dose('2026-11-10T10:00:00Z', 0.5, 'temp_basal', '2026-11-10T10:30:00Z'),
      dose('2026-11-10T13:00:00Z', 0.3, 'smb'),
      carbs('2026-11-10T08:00:00Z', 45),
    ]);
    await store(user.id, xdrip, [
      dose('2026-11-10T08:00:20Z', 4.5, 'bolus'), // the same bolus, relayed: one dose
      dose('2026-11-10T10:00:00Z', 0.5, 'bolus'), // a bolus beside the temp basal of equal units: another delivery
      dose('2026-11-10T13:00:30Z', 1.0), // a different dose at the SMB's minute: counts
      carbs('2026-11-10T08:00:40Z', 45), // the same meal, relayed
      carbs('2026-11-10T18:00:00Z', 30),
    ]);

    await recomputeDirtyRanges(user.id);
    const insulin = await days(user.id, 'INSULIN');
    expect(insulin).toHaveLength(1);
    expect(insulin[0]!.day).toBe('2026-11-10');
    expect(insulin[0]!.value).toBeCloseTo(6.8, 6); // 4.5 + 0.5 + 0.5 + 0.3 + 1.0
    expect(insulin[0]!.count).toBe(5);
    // Provenance: the phone (priority 80) outranks the CGM app (60) for the relayed bolus.
    expect(insulin[0]!.sources[aaps.id]).toBeCloseTo(5.3, 6);
    expect(insulin[0]!.sources[xdrip.id]).toBeCloseTo(1.5, 6);

    const grams = await days(user.id, 'CARBOHYDRATES');
    expect(grams.map((r) => [r.day, r.value, r.count])).toEqual([['2026-11-10', 75, 2]]);
  });
});
