// Integration (real PostgreSQL): glucose in the doctor's triage follows the consensus targets (Battelino et
// al., Diabetes Care 2019), every one of them, not only the lows; and the triage never disagrees with the
// patient's own insights about the same data (glucose readings, medication doses). The clock is pinned (noon UTC, readings hours
// apart and away from the window's edges unless a test is about the edge).
import { beforeAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { createDevice, createUser, linkCare, setDisplayName } from '@/test/factories';
import { evaluateInsights } from './insights';
import { ensureSamplePartitions } from './partitions';
import { findTriageList, triageQuery, type TriageRow } from './triage';

const NOW = new Date('2025-06-15T12:00:00Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ago = (ms: number) => NOW.getTime() - ms;

let doctor: { id: string; email: string; role: 'PATIENT' | 'DOCTOR' | 'CAREGIVER' | 'ADMIN' };
const patients: Record<string, string> = {};

async function patient(key: string) {
  const user = await createUser();
  await setDisplayName(user.id, `Glucose ${key}`);
  await linkCare({ patientId: user.id, carerId: doctor.id, kind: 'DOCTOR' });
  patients[key] = user.id;
  return user.id;
}

/** Meter readings of one device at the given instants. */
async function readings(userId: string, rows: { atMs: number; value: number }[], priority?: number) {
  const device = await createDevice(userId, 'glucometer');
  if (priority !== undefined) await prisma.device.update({ where: { id: device.id }, data: { priority } });
  await ensureSamplePartitions(pool(), rows.map((r) => r.atMs));
  await prisma.healthSample.createMany({
    data: rows.map((r) => ({ userId, deviceId: device.id, type: 'BLOOD_GLUCOSE' as const, startAt: new Date(r.atMs), endAt: new Date(r.atMs), value: r.value })),
  });
  await prisma.device.update({ where: { id: device.id }, data: { lastSyncAt: new Date(Math.max(...rows.map((r) => r.atMs))) } });
}

/** `n` readings from an hour ago back over at most 13 days: the listed values first, the rest 120 mg/dL. */
const spread = (n: number, ...parts: [value: number, count: number][]) => {
  const values = parts.flatMap(([value, count]) => Array<number>(count).fill(value));
  const step = Math.min(10 * HOUR_MS, Math.floor((13 * DAY_MS) / n));
  return Array.from({ length: n }, (_, i) => ({ atMs: ago(HOUR_MS + i * step), value: values[i] ?? 120 }));
};

beforeAll(async () => {
  doctor = await createUser({ role: 'DOCTOR' });
  await readings(await patient('veryHigh'), spread(31, [300, 3])); // 9.7 % above 250 (the clinical review's case)
  await readings(await patient('veryHighExactly5'), spread(20, [300, 1])); // exactly 5 %: misses "< 5 %"
  await readings(await patient('veryHighJustUnder'), spread(21, [300, 1])); // 4.8 %: meets it
  await readings(await patient('highExactly25'), spread(20, [200, 5])); // exactly 25 % above 180
  await readings(await patient('highJustUnder'), spread(21, [200, 5])); // 23.8 %: meets it
  await readings(await patient('veryLowExactly1'), spread(100, [50, 1])); // exactly 1 % below 54, 1 % below 70
  await readings(await patient('lowAndVeryHigh'), spread(20, [65, 1], [300, 2])); // 5 % below 70, 10 % above 250
  await readings(await patient('veryHighAndHigh'), spread(20, [300, 2], [200, 4])); // 10 % above 250, 30 % above 180

  // A duplicate across the window's start: a better-ranked meter's reading 2 minutes before the window and
  // the same value 1 minute inside it from a lower-ranked one (one reading, outside the window), plus 9
  // more: 9 readings in the window, too few for a verdict. Triage and insight must count it the same way.
  const edge = await patient('edgeDuplicate');
  await readings(edge, [{ atMs: ago(14 * DAY_MS + 2 * 60_000), value: 50 }], 90);
  await readings(edge, [{ atMs: ago(14 * DAY_MS - 60_000), value: 50 }, ...spread(9)], 10);

  await doses(await patient('dosesHalf'), 7, 14); // 50 %: MEDIUM for the patient
  await doses(await patient('doses80'), 12, 15); // exactly 80 %: adequate
});

/** This week's doses, one every 11 hours from 2 hours ago: `taken` taken, the rest missed; fresh data too. */
async function doses(userId: string, taken: number, scheduled: number) {
  const { id } = await prisma.medication.create({ data: { userId, name: 'Metformin', schedule: { times: ['08:00'] }, startedOn: new Date('2025-01-01') } });
  await prisma.medicationLog.createMany({
    data: Array.from({ length: scheduled }, (_, i) => ({
      medicationId: id, userId, recordedById: userId, scheduledAt: new Date(ago(2 * HOUR_MS + i * 11 * HOUR_MS)), status: i < taken ? ('TAKEN' as const) : ('MISSED' as const),
    })),
  });
  const device = await createDevice(userId, 'watch');
  await ensureSamplePartitions(pool(), [ago(HOUR_MS)]);
  await prisma.healthSample.create({ data: { userId, deviceId: device.id, type: 'HEART_RATE', startAt: new Date(ago(HOUR_MS)), endAt: new Date(ago(HOUR_MS)), value: 70 } });
}

const list = () => findTriageList({ ...doctor, role: 'DOCTOR' }, triageQuery.parse({}), NOW);
const rowOf = (rows: TriageRow[], key: string) => rows.find((r) => r.patientId === patients[key]);

describe('triage: every consensus glucose target, most urgent first', () => {
  it.each([
    ['veryHigh', 'glucose-very-high', /^Glucose: 9\.7 % of readings above 250 mg\/dL \(target < 5 %\)/],
    ['veryHighExactly5', 'glucose-very-high', /^Glucose: 5 % of readings above 250 mg\/dL \(target < 5 %\)/],
    ['veryHighJustUnder', 'on-target', /No alerts/],
    ['highExactly25', 'glucose-high', /^Glucose: 25 % of readings above 180 mg\/dL \(target < 25 %\)/],
    ['highJustUnder', 'on-target', /No alerts/],
    ['veryLowExactly1', 'glucose-very-low', /^Glucose: 1 % of readings below 54 mg\/dL \(target < 1 %\)/],
    ['lowAndVeryHigh', 'glucose-low', /^Glucose: 5 % of readings below 70 mg\/dL \(target < 4 %\); 10 % of readings above 250 mg\/dL/],
    ['veryHighAndHigh', 'glucose-very-high', /^Glucose: 10 % of readings above 250 mg\/dL \(target < 5 %\); 30 % of readings above 180 mg\/dL \(target < 25 %\); 70 % of readings in range 70–180 mg\/dL \(target > 70 %\)/],
    ['edgeDuplicate', 'on-target', /No alerts/],
  ])('%s → %s', async (key, group, reason) => {
    const row = rowOf((await list()).patients, key);
    expect(row?.group).toBe(group);
    expect(row?.reason).toMatch(reason);
  });

  it('a doctor who reads mmol/L gets the reason in mmol/L', async () => {
    await prisma.userPreferences.upsert({ where: { userId: doctor.id }, create: { userId: doctor.id, glucoseUnit: 'MMOL_L' }, update: { glucoseUnit: 'MMOL_L' } });
    try {
      const rows = (await list()).patients;
      expect(rowOf(rows, 'veryHighAndHigh')?.reason).toMatch(/^Glucose: 10 % of readings above 13\.9 mmol\/L \(target < 5 %\); 30 % of readings above 10\.0 mmol\/L \(target < 25 %\); 70 % of readings in range 3\.9–10\.0 mmol\/L/);
      expect(rowOf(rows, 'veryLowExactly1')?.reason).toMatch(/below 3\.0 mmol\/L/);
    } finally {
      await prisma.userPreferences.update({ where: { userId: doctor.id }, data: { glucoseUnit: 'MG_DL' } });
    }
  });

  it('the glucose groups sit above "Meeting targets", very low → low → (crisis) → very high → high', async () => {
    const ids = (await list()).groups.map((g) => g.id);
    const at = (id: string) => ids.indexOf(id as never);
    expect(at('glucose-very-low')).toBeLessThan(at('glucose-low'));
    expect(at('glucose-low')).toBeLessThan(at('glucose-very-high'));
    expect(at('glucose-very-high')).toBeLessThan(at('glucose-high'));
    expect(at('glucose-high')).toBeLessThan(at('on-target'));
    expect(at('glucose-high')).toBeLessThan(at('no-data'));
  });
});

describe('triage and the patient\'s insight agree about the same readings', () => {
  it.each(Object.keys({ veryHigh: 1, veryHighExactly5: 1, veryHighJustUnder: 1, highExactly25: 1, highJustUnder: 1, veryLowExactly1: 1, lowAndVeryHigh: 1, veryHighAndHigh: 1, edgeDuplicate: 1 }))('%s', async (key) => {
    const insight = (await evaluateInsights(patients[key]!, NOW)).get('GLUCOSE_TIME_IN_RANGE') ?? null;
    const row = rowOf((await list()).patients, key)!;
    const glucoseGroup = row.group.startsWith('glucose-');
    // Off target for the doctor exactly when the patient is told so (MEDIUM or HIGH), lows being HIGH.
    expect(glucoseGroup).toBe(insight !== null && insight.severity !== 'INFO');
    expect(row.group === 'glucose-very-low' || row.group === 'glucose-low').toBe(insight?.severity === 'HIGH');
    if (insight && glucoseGroup) {
      for (const [field, label] of [['below54', 'below 54'], ['below70', 'below 70'], ['above250', 'above 250'], ['above180', 'above 180']] as const) {
        const shown = row.reason.match(new RegExp(`([\\d.]+) % of readings ${label} mg/dL`))?.[1];
        if (shown !== undefined) expect(Number(shown)).toBe(insight.data[field]);
      }
      expect(row.reason).toContain(`${insight.data.readings} readings`);
    }
  });
});

describe('triage: missed doses reach the doctor as they reach the patient', () => {
  it.each([
    ['dosesHalf', 'missed-doses', /^Took 7 of 14 scheduled doses in the last 7 days \(50 %; target 80 % or more\)$/, 'MEDIUM'],
    ['doses80', 'on-target', /No alerts/, 'INFO'],
  ])('%s → %s', async (key, group, reason, severity) => {
    const row = rowOf((await list()).patients, key);
    expect(row?.group).toBe(group);
    expect(row?.reason).toMatch(reason);
    expect((await evaluateInsights(patients[key]!, NOW)).get('MEDICATION_ADHERENCE')?.severity).toBe(severity);
  });
});
