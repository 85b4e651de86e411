// Integration (real PostgreSQL): the doctor's triage for CGM wearers follows the consensus CGM metrics over
// the last 14 local days (time-weighted, the patient's target preset, CV and wear), while a meter-only
// patient keeps the reading-based flags; and the patient's own insight agrees with the triage. The clock is
// pinned (noon UTC); the CGM traces run every 5 minutes from 2.5 minutes after the window's first midnight.
import { beforeAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { createDevice, createUser, linkCare, setDisplayName } from '@/test/factories';
import { writeDiabetesProfile } from './diabetes-profile';
import { evaluateInsights } from './insights';
import { ensureSamplePartitions } from './partitions';
import { findTriageList, triageQuery, type TriageRow } from './triage';

const NOW = new Date('2025-06-15T12:00:00Z');
const FROM_MS = Date.parse('2025-06-02T00:00:00Z'); // the first of the 14 local days (UTC patients)
const STEP_MS = 5 * 60_000;
const SLOTS = (NOW.getTime() - FROM_MS) / STEP_MS; // 3,888 readings when worn all the time

let doctor: { id: string; email: string; role: 'PATIENT' | 'DOCTOR' | 'CAREGIVER' | 'ADMIN' };
const patients: Record<string, string> = {};

async function patient(key: string) {
  const user = await createUser({ timeZone: 'UTC' });
  await setDisplayName(user.id, `CGM ${key}`);
  await linkCare({ patientId: user.id, carerId: doctor.id, kind: 'DOCTOR' });
  patients[key] = user.id;
  return user.id;
}

async function store(userId: string, deviceType: 'cgm' | 'glucometer', rows: { atMs: number; value: number }[]) {
  const device = await createDevice(userId, deviceType);
  await ensureSamplePartitions(pool(), rows.map((r) => r.atMs));
  await prisma.healthSample.createMany({
    data: rows.map((r) => ({ userId, deviceId: device.id, type: 'BLOOD_GLUCOSE' as const, startAt: new Date(r.atMs), endAt: new Date(r.atMs), value: r.value })),
  });
  await prisma.device.update({ where: { id: device.id }, data: { lastSyncAt: new Date(Math.max(...rows.map((r) => r.atMs))) } });
}

/** A CGM trace over the window: value(i) for slot i, slots outside `worn` left out. */
const trace = (value: (i: number) => number, worn: (i: number) => boolean = () => true) =>
  Array.from({ length: SLOTS }, (_, i) => i).filter(worn).map((i) => ({ atMs: FROM_MS + 150_000 + i * STEP_MS, value: value(i) }));

beforeAll(async () => {
  doctor = await createUser({ role: 'DOCTOR' });
  // 2 % of the time below 54 (one night's hour every few days): very low.
  await store(await patient('veryLow'), 'cgm', trace((i) => (i % 50 === 0 ? 48 : 125)));
  // 5 % of the time between 54 and 69: low, not very low.
  await store(await patient('low'), 'cgm', trace((i) => (i % 100 < 5 ? 62 : 125)));
  // 25 % at 150: in range for the standard targets, above range (63–140) in pregnancy.
  await store(await patient('pregnancy'), 'cgm', trace((i) => (i % 4 === 0 ? 150 : 110)));
  await writeDiabetesProfile(patients.pregnancy!, patients.pregnancy!, { diabetesType: 'TYPE_1', targetPreset: 'PREGNANCY_TYPE_1' });
  await store(await patient('standardSame'), 'cgm', trace((i) => (i % 4 === 0 ? 150 : 110)));
  // All in range but swinging between 75 and 175: CV ≈ 40 %.
  await store(await patient('variable'), 'cgm', trace((i) => (i % 2 === 0 ? 75 : 175)));
  // Worn the last 6 days only: wear ≈ 44 %, all in range.
  await store(await patient('wear'), 'cgm', trace(() => 120, (i) => i >= SLOTS - 6 * 288));
  // A meter-only patient: 1 of 100 readings below 54 (shares of readings, as before).
  await store(await patient('meter'), 'glucometer', Array.from({ length: 100 }, (_, i) => ({ atMs: NOW.getTime() - 3_600_000 - i * 3 * 3_600_000, value: i === 10 ? 50 : 120 })));
  // CGM in range all the time and a meter beside it: the CGM stream decides.
  const both = await patient('cgmAndMeter');
  await store(both, 'cgm', trace(() => 120));
  await store(both, 'glucometer', Array.from({ length: 20 }, (_, i) => ({ atMs: NOW.getTime() - 3_600_000 - i * 12 * 3_600_000, value: 130 })));
  // The sensor worn the last 6 days only (in range), and 12 fingersticks in the 8 days before it, 2 of
  // them below 54: the meter's lows show, not only the wear.
  const fingersticks = await patient('wearAndMeterLows');
  await store(fingersticks, 'cgm', trace(() => 120, (i) => i >= SLOTS - 6 * 288));
  await store(fingersticks, 'glucometer', Array.from({ length: 12 }, (_, i) => ({ atMs: FROM_MS + 3_600_000 + i * 14 * 3_600_000, value: i % 6 === 0 ? 50 : 110 })));
});

const list = async () => (await findTriageList({ ...doctor, role: 'DOCTOR' }, triageQuery.parse({}), NOW)).patients;
const rowOf = (rows: TriageRow[], key: string) => rows.find((r) => r.patientId === patients[key])!;

describe('CGM wearers in the triage', () => {
  it('each lands in the group of its most urgent flag, with the figures', async () => {
    const rows = await list();
    expect(rowOf(rows, 'veryLow')).toMatchObject({ group: 'glucose-very-low', cgm: { below: 2, activePercent: 100 } });
    expect(rowOf(rows, 'veryLow').reason).toMatch(/^CGM, last 14 days: 2 % of the time below 54 mg\/dL \(target < 1 %\)/);
    expect(rowOf(rows, 'low')).toMatchObject({ group: 'glucose-low', cgm: { below: 5, flags: ['below'] } });
    expect(rowOf(rows, 'variable')).toMatchObject({ group: 'glucose-variability', cgm: { timeInRange: 100, flags: ['cv'] } });
    expect(rowOf(rows, 'variable').reason).toMatch(/CV 40 % \(target ≤ 36 %\)/);
    expect(rowOf(rows, 'wear').group).toBe('cgm-wear');
    expect(rowOf(rows, 'wear').cgm?.activePercent).toBeCloseTo(44.4, 1);
    expect(rowOf(rows, 'cgmAndMeter')).toMatchObject({ group: 'on-target', cgm: { timeInRange: 100, flags: [] } });
  });

  it('a CGM wearer’s fingersticks are judged too: the more urgent verdict leads, both reasons show', async () => {
    const row = rowOf(await list(), 'wearAndMeterLows');
    expect(row).toMatchObject({ group: 'glucose-very-low', cgm: { flags: ['wear'] } });
    expect(row.reason).toMatch(/^Fingersticks: 16\.7 % of readings below 54 mg\/dL \(target < 1 %\).*\(12 readings, 14 days\)\. CGM, last 14 days: CGM worn 44\.4 % of the time/);
  });

  it('the diabetes profile’s preset sets the targets', async () => {
    const rows = await list();
    expect(rowOf(rows, 'pregnancy').group).toBe('glucose-high');
    expect(rowOf(rows, 'pregnancy').reason).toContain('25 % of the time above 140 mg/dL (target < 25 %)');
    expect(rowOf(rows, 'standardSame').group).toBe('on-target');
  });

  it('a meter-only patient keeps the reading-based flags', async () => {
    const row = rowOf(await list(), 'meter');
    expect(row).toMatchObject({ group: 'glucose-very-low', cgm: null });
    expect(row.reason).toMatch(/^Glucose: 1 % of readings below 54 mg\/dL \(target < 1 %\)/);
  });

  it('lows come before a blood-pressure crisis; variability and wear after the highs', async () => {
    const ids = (await findTriageList({ ...doctor, role: 'DOCTOR' }, triageQuery.parse({}), NOW)).groups.map((g) => g.id);
    const at = (id: string) => ids.indexOf(id as never);
    expect(at('glucose-low')).toBeLessThan(at('bp-crisis'));
    expect(at('glucose-high')).toBeLessThan(at('glucose-variability'));
    expect(at('glucose-variability')).toBeLessThan(at('cgm-wear'));
    expect(at('cgm-wear')).toBeLessThan(at('no-data'));
  });
});

describe('the patient’s insight agrees with the triage', () => {
  it.each(['veryLow', 'low', 'pregnancy', 'standardSame', 'variable', 'wear', 'meter', 'cgmAndMeter', 'wearAndMeterLows'])('%s', async (key) => {
    const insight = (await evaluateInsights(patients[key]!, NOW)).get('GLUCOSE_TIME_IN_RANGE') ?? null;
    const row = rowOf(await list(), key);
    const flagged = row.group.startsWith('glucose-') || row.group === 'cgm-wear';
    expect(flagged).toBe(insight !== null && insight.severity !== 'INFO');
    expect(row.group === 'glucose-very-low' || row.group === 'glucose-low').toBe(insight?.severity === 'HIGH');
    expect(insight?.data['source'] === 'cgm').toBe(row.cgm !== null);
  });
});
