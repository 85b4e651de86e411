// Integration: the doctor's insulin and carbs summary from stored samples: relayed copies count once,
// basal and bolus are split (a temp basal across midnight by its hours), a dose without a kind is counted
// apart, averages cover whole days with data only, and a share without these types reads nothing.
import { describe, expect, it } from 'vitest';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createDevice, createUser } from '@/test/factories';
import { findDiabetesSummary } from './diabetes-summary';

const TZ = 'Europe/Berlin';
const dose = (at: string, value: number, category?: string, end = at) => ({
  type: 'INSULIN', value, unit: 'U', startDate: at, endDate: end, ...(category ? { category } : {}),
});
const carbs = (at: string, grams: number) => ({ type: 'CARBOHYDRATES', value: grams, unit: 'g', startDate: at, endDate: at });

async function store(userId: string, deviceId: string, samples: Record<string, unknown>[]) {
  const batch = parseSyncBatch({ samples }, Date.now());
  expect(batch.rejected).toEqual([]);
  await storeSyncBatch({ device: { id: deviceId, userId, timeZone: TZ }, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
}

describe('findDiabetesSummary', () => {
  it('totals each day once, split into basal, bolus and unspecified, with averages over whole days with data', async () => {
    const user = await createUser({ timeZone: TZ });
    const aaps = await createDevice(user.id, 'phone', 'AndroidAPS');
    const xdrip = await createDevice(user.id, 'cgm', 'xDrip+');
    // Days in the past (Berlin, UTC+1 in November); 'today' is pinned below, so nothing depends on the clock.
    await store(user.id, aaps.id, [
      dose('2026-11-09T07:00:00Z', 6, 'bolus'),
      dose('2026-11-09T11:00:00Z', 0.5, 'smb'),
      dose('2026-11-09T22:30:00Z', 1, 'temp_basal', '2026-11-09T23:30:00Z'), // 23:30–00:30 local: half on each day
      dose('2026-11-10T07:00:00Z', 4, 'correction'),
      dose('2026-11-10T12:00:00Z', 2), // kind not given
      carbs('2026-11-09T07:00:00Z', 60),
      dose('2026-11-12T07:00:00Z', 3, 'bolus'), // "today": partial, not averaged
    ]);
    await store(user.id, xdrip.id, [
      dose('2026-11-09T07:00:30Z', 6, 'bolus'), // relayed copy of the 6 U bolus
      carbs('2026-11-09T07:00:20Z', 60), // relayed copy
      carbs('2026-11-10T12:00:00Z', 40),
    ]);

    const summary = await findDiabetesSummary(
      { patientId: user.id, timeZone: TZ, types: 'ALL' },
      { fromDay: '2026-11-01', toDay: '2026-11-12', today: '2026-11-12' },
    );
    expect(summary).not.toBeNull();
    const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);
    expect(summary!.days.map((d) => [d.day, round(d.insulin), round(d.basal), round(d.bolus), round(d.unspecified), d.carbs, d.partial])).toEqual([
      ['2026-11-12', 3, 0, 3, 0, null, true],
      ['2026-11-10', 6.5, 0.5, 4, 2, 40, false],
      ['2026-11-09', 7, 0.5, 6.5, 0, 60, false],
    ]);
    expect(summary!.insulin).toMatchObject({ days: 2 });
    expect(round(summary!.insulin!.value)).toBe(6.75);
    expect(round(summary!.insulin!.basal)).toBe(0.5);
    expect(round(summary!.insulin!.bolus)).toBe(5.25);
    expect(round(summary!.insulin!.unspecified)).toBe(1);
    expect(summary!.carbs).toEqual({ days: 2, value: 50 });

    // A share limited to other types reads nothing; outside the range there is nothing either.
    expect(await findDiabetesSummary({ patientId: user.id, timeZone: TZ, types: ['STEPS'] }, { fromDay: '2026-11-01', toDay: '2026-11-12', today: '2026-11-12' })).toBeNull();
    expect(await findDiabetesSummary({ patientId: user.id, timeZone: TZ, types: 'ALL' }, { fromDay: '2026-10-01', toDay: '2026-10-31', today: '2026-11-12' })).toBeNull();
  });
});
