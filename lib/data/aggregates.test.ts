// Integration (real PostgreSQL): what each source contributed over a range of days, and the patient's
// display units. Aggregate rows are inserted as the pipeline writes them.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { DEFAULT_UNITS } from '@/lib/format/health';
import { createAggregate, createUser } from '@/test/factories';
import { findDisplayUnits, findSourceContributions } from './aggregates';

const WATCH = randomUUID();
const PHONE = randomUUID();
const CUFF = randomUUID();

let patientId: string;
let strangerId: string;
const scope = (extra: Record<string, unknown> = {}) => ({ patientId, timeZone: 'Europe/Berlin', types: 'ALL' as const, ...extra });

beforeAll(async () => {
  patientId = (await createUser({ timeZone: 'Europe/Berlin' })).id;
  strangerId = (await createUser({ timeZone: 'Europe/Berlin' })).id;
  const day = (type: 'STEPS' | 'HEART_RATE' | 'BLOOD_PRESSURE_SYSTOLIC', periodStart: string, sources: Record<string, number>, userId = patientId) =>
    createAggregate({ userId, type, period: 'DAY', periodStart, value: Object.values(sources).reduce((a, b) => a + b, 0), sources });
  await Promise.all([
    day('STEPS', '2026-06-01', { [WATCH]: 7000, [PHONE]: 1000 }),
    day('STEPS', '2026-06-02', { [WATCH]: 2000 }),
    day('STEPS', '2026-06-03', { [PHONE]: 500.5 }),
    day('STEPS', '2026-06-04', { [PHONE]: 99_000 }), // outside the range asked for below
    day('HEART_RATE', '2026-06-02', { [WATCH]: 280, [PHONE]: 20 }),
    day('BLOOD_PRESSURE_SYSTOLIC', '2026-06-03', { [CUFF]: 2 }),
    day('STEPS', '2026-06-02', { [WATCH]: 55_555 }, strangerId),
    // Hours and weeks are the same steps again: only days count.
    createAggregate({ userId: patientId, type: 'STEPS', period: 'HOUR', periodStart: '2026-06-02T10:00:00', value: 2000, sources: { [WATCH]: 2000 } }),
    createAggregate({ userId: patientId, type: 'STEPS', period: 'WEEK', periodStart: '2026-06-01', value: 10_500, sources: { [WATCH]: 9000, [PHONE]: 1500 } }),
  ]);
});

describe('findSourceContributions', () => {
  it('sums each device part per type over the days in range, amounts for summed types and readings for the others', async () => {
    const result = await findSourceContributions(scope(), { fromDay: '2026-06-01', toDay: '2026-06-03' });
    // In catalogue order.
    expect(result).toEqual([
      { type: 'STEPS', measure: 'amount', total: 10_500.5, devices: { [WATCH]: 9000, [PHONE]: 1500.5 } },
      { type: 'HEART_RATE', measure: 'readings', total: 300, devices: { [WATCH]: 280, [PHONE]: 20 } },
      { type: 'BLOOD_PRESSURE_SYSTOLIC', measure: 'readings', total: 2, devices: { [CUFF]: 2 } },
    ]);
  });

  it('includes both ends of the range and nothing outside it', async () => {
    const result = await findSourceContributions(scope(), { fromDay: '2026-06-03', toDay: '2026-06-03' });
    expect(Object.fromEntries(result.map((r) => [r.type, r.devices]))).toEqual({ STEPS: { [PHONE]: 500.5 }, BLOOD_PRESSURE_SYSTOLIC: { [CUFF]: 2 } });
  });

  it('keeps to the read scope: its types and its days', async () => {
    const limited = await findSourceContributions(scope({ types: ['HEART_RATE'], toDay: '2026-06-02' }), { fromDay: '2026-06-01', toDay: '2026-06-30' });
    expect(limited.map((r) => r.type)).toEqual(['HEART_RATE']);
    expect(await findSourceContributions(scope({ fromDay: '2026-07-01' }), { fromDay: '2026-06-01', toDay: '2026-06-30' })).toEqual([]);
  });

  it("never counts another patient's rows", async () => {
    const result = await findSourceContributions(scope(), { fromDay: '2026-06-02', toDay: '2026-06-02' });
    expect(result.find((r) => r.type === 'STEPS')?.devices).toEqual({ [WATCH]: 2000 });
  });
});

describe('findDisplayUnits', () => {
  it('answers the preferences, and the defaults for a user without a preferences row', async () => {
    expect(await findDisplayUnits(patientId)).toEqual(DEFAULT_UNITS);
    await prisma.userPreferences.update({ where: { userId: patientId }, data: { glucoseUnit: 'MMOL_L', weightUnit: 'LB' } });
    expect(await findDisplayUnits(patientId)).toEqual({ ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L', weightUnit: 'LB' });
    await prisma.userPreferences.delete({ where: { userId: strangerId } });
    expect(await findDisplayUnits(strangerId)).toEqual(DEFAULT_UNITS);
  });
});
