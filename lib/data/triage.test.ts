// Integration (real PostgreSQL): the doctor's triage list. Each group is reached by constructing its data
// (written directly, so the pipeline does not open emergencies or insights on its own); every linked
// patient is in exactly one group, the first that matches; unlinked and revoked patients never appear.
import { beforeAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import type { HealthType } from '@/lib/generated/prisma/enums';
import { addDays, localDate } from '@/lib/time';
import { createAggregate, createDevice, createUser, linkCare, setDisplayName } from '@/test/factories';
import { evaluateInsights } from './insights';
import { ensureSamplePartitions } from './partitions';
import { findTriageList, markPatientReviewed, triageQuery, type TriageGroup, type TriageRow } from './triage';

const NOW = new Date();
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const TODAY = localDate(NOW.getTime(), 'UTC');
const ago = (ms: number) => NOW.getTime() - ms;

type User = { id: string; email: string; role: 'PATIENT' | 'DOCTOR' | 'CAREGIVER' | 'ADMIN' };
let doctor: User;
const patients: Record<string, string> = {};

async function patient(key: string, name: string) {
  const user = await createUser();
  await setDisplayName(user.id, name);
  await linkCare({ patientId: user.id, carerId: doctor.id, kind: 'DOCTOR' });
  patients[key] = user.id;
  return user.id;
}

async function samples(userId: string, rows: { type: HealthType; atMs: number; value: number }[], deviceType: 'glucometer' | 'bp_monitor' | 'watch' = 'watch') {
  const device = await createDevice(userId, deviceType);
  await ensureSamplePartitions(pool(), rows.map((r) => r.atMs));
  await prisma.healthSample.createMany({
    data: rows.map((r) => ({ userId, deviceId: device.id, type: r.type, startAt: new Date(r.atMs), endAt: new Date(r.atMs), value: r.value })),
  });
  await prisma.device.update({ where: { id: device.id }, data: { lastSyncAt: new Date(Math.max(...rows.map((r) => r.atMs))) } });
}

/** n glucose readings spread over the last 13 days, the first `lows` of them at `lowValue`. */
const glucose = (n: number, lows: number, lowValue: number) =>
  Array.from({ length: n }, (_, i) => ({ type: 'BLOOD_GLUCOSE' as const, atMs: ago(HOUR_MS + i * 12 * HOUR_MS), value: i < lows ? lowValue : 120 }));

/** One DAY aggregate per day for `days` whole days ending yesterday (UTC patients; the daily rules leave
 * out today, still running), value(d) with d = 0 for yesterday. */
async function daily(userId: string, type: HealthType, days: number, value: (d: number) => number) {
  for (let d = 0; d < days; d++) {
    await createAggregate({ userId, type, period: 'DAY', periodStart: addDays(TODAY, -1 - d), value: value(d) });
  }
}

const fresh = (userId: string) => samples(userId, [{ type: 'HEART_RATE', atMs: ago(HOUR_MS), value: 70 }]);

beforeAll(async () => {
  doctor = await createUser({ role: 'DOCTOR' });

  const emergency = await patient('emergency', 'Emma Emergency');
  await prisma.emergencyEvent.create({ data: { patientId: emergency, kind: 'GLUCOSE_LOW', details: { mgdl: 48 }, detectedAt: new Date(ago(2 * HOUR_MS)) } });
  await samples(emergency, glucose(20, 5, 45), 'glucometer'); // would be low glucose too: the emergency comes first

  const resolved = await patient('resolvedEmergency', 'Rita Resolved');
  await prisma.emergencyEvent.create({ data: { patientId: resolved, kind: 'GLUCOSE_LOW', status: 'RESOLVED', details: { mgdl: 50 }, detectedAt: new Date(ago(DAY_MS)), resolvedAt: new Date() } });
  await fresh(resolved);

  const low54 = await patient('glucoseVeryLow', 'Gina Glucose');
  await samples(low54, glucose(20, 1, 50), 'glucometer'); // 5 % under 54
  await samples(low54, [{ type: 'BLOOD_PRESSURE_SYSTOLIC', atMs: ago(DAY_MS), value: 200 }], 'bp_monitor'); // the crisis ranks below

  const low70 = await patient('glucoseLow4', 'Gary Glucose');
  await samples(low70, glucose(25, 1, 65), 'glucometer'); // exactly 4 % under 70

  const notLow = await patient('glucoseJustAbove', 'Nina Normal');
  await samples(notLow, glucose(26, 1, 65), 'glucometer'); // 3.8 % under 70, nothing under 54

  const bp = await patient('bpCrisis', 'Bob Pressure');
  await samples(bp, [
    { type: 'BLOOD_PRESSURE_SYSTOLIC', atMs: ago(3 * DAY_MS), value: 186 },
    { type: 'BLOOD_PRESSURE_DIASTOLIC', atMs: ago(3 * DAY_MS), value: 96 },
  ], 'bp_monitor');
  await daily(bp, 'RESTING_HEART_RATE', 30, (d) => 90 - d); // rising too: the crisis comes first

  const bpOwn = await patient('bpOwnThreshold', 'Olga Own');
  await prisma.alertThresholds.create({ data: { patientId: bpOwn, systolicHigh: 150, diastolicHigh: 100 } });
  await samples(bpOwn, [{ type: 'BLOOD_PRESSURE_SYSTOLIC', atMs: ago(DAY_MS), value: 160 }], 'bp_monitor');

  const bpOld = await patient('bpOld', 'Otto Old');
  await samples(bpOld, [
    { type: 'BLOOD_PRESSURE_SYSTOLIC', atMs: ago(20 * DAY_MS), value: 195 }, // outside 14 days
    { type: 'BLOOD_PRESSURE_SYSTOLIC', atMs: ago(DAY_MS), value: 175 },
  ], 'bp_monitor');

  const rhr = await patient('rhrRising', 'Rhea Rising');
  await daily(rhr, 'RESTING_HEART_RATE', 30, (d) => 80 - 0.8 * d);
  await fresh(rhr);

  const rhrInsight = await patient('rhrInsight', 'Ian Insight');
  await prisma.insight.create({
    data: { userId: rhrInsight, kind: 'RESTING_HR_TREND', severity: 'MEDIUM', title: 'Resting heart rate is rising', body: '…', data: { slopePerDay: 0.7, changePerWeek: 4.9, days: 20 }, windowStart: new Date(`${addDays(TODAY, -29)}T00:00:00Z`), windowEnd: new Date(`${TODAY}T00:00:00Z`) },
  });
  await fresh(rhrInsight);

  const rhrFalling = await patient('rhrFalling', 'Fred Falling');
  await daily(rhrFalling, 'RESTING_HEART_RATE', 30, (d) => 50 + 0.8 * d);
  await fresh(rhrFalling);

  const sleep = await patient('sleepDeficit', 'Sam Sleep');
  await daily(sleep, 'SLEEP_STATE', 14, () => 300);
  await daily(sleep, 'STEPS', 35, (d) => (d < 7 ? 2000 : 10_000)); // a drop too: sleep comes first
  await fresh(sleep);

  const activity = await patient('activityDrop', 'Andy Activity');
  await daily(activity, 'STEPS', 35, (d) => (d < 7 ? 5000 : 10_000));
  await fresh(activity);

  const stale = await patient('stale', 'Stella Stale');
  await samples(stale, [{ type: 'HEART_RATE', atMs: ago(3 * DAY_MS + HOUR_MS), value: 70 }]);

  await patient('neverSynced', 'Nora Never');

  const onTarget = await patient('onTarget', 'Tom Target');
  await daily(onTarget, 'STEPS', 35, () => 9000);
  await fresh(onTarget);
});

const GROUP_ORDER: TriageGroup[] = [
  'emergency', 'glucose-very-low', 'glucose-low', 'bp-crisis', 'glucose-very-high', 'glucose-high', 'glucose-variability', 'cgm-wear', 'missed-doses',
  'rhr-rising', 'sleep-deficit', 'activity-drop', 'no-data', 'on-target',
];
const list = (query: Record<string, string> = {}) => findTriageList({ ...doctor, role: 'DOCTOR' }, triageQuery.parse(query), NOW);
const rowOf = (rows: TriageRow[], key: string) => rows.find((r) => r.patientId === patients[key]);

describe('each group is reached by its own data, first match wins', () => {
  it.each<[string, TriageGroup, RegExp]>([
    ['emergency', 'emergency', /Very low glucose \(48 mg\/dL\), open/],
    ['resolvedEmergency', 'on-target', /No alerts/],
    ['glucoseVeryLow', 'glucose-very-low', /^Glucose: 5 % of readings below 54 mg\/dL \(target < 1 %\); 5 % of readings below 70 mg\/dL \(target < 4 %\) \(20 readings, 14 days\)$/],
    ['glucoseLow4', 'glucose-low', /^Glucose: 4 % of readings below 70 mg\/dL \(target < 4 %\) \(25 readings, 14 days\)$/],
    ['glucoseJustAbove', 'on-target', /No alerts/],
    ['bpCrisis', 'bp-crisis', /^186\/96 mmHg on \d{4}-\d{2}-\d{2} \(crisis at 180\/120\)$/],
    ['bpOwnThreshold', 'bp-crisis', /^160\/– mmHg .*crisis at 150\/100/],
    ['bpOld', 'on-target', /No alerts/],
    ['rhrRising', 'rhr-rising', /Up about 5\.6 bpm per week over 30 days \(30 days of data\)/],
    ['rhrInsight', 'rhr-rising', /Up about 4\.9 bpm per week over 30 days \(20 days of data\)/],
    ['rhrFalling', 'on-target', /No alerts/],
    ['sleepDeficit', 'sleep-deficit', /Sleeping 5 h 0 min a night on average over 14 days \(14 nights\)/],
    ['activityDrop', 'activity-drop', /50 % fewer steps this week: 35,000 against a usual 70,000/],
    ['stale', 'no-data', /No data for 3 days/],
    ['neverSynced', 'no-data', /No device has synced yet/],
    ['onTarget', 'on-target', /No alerts or worrying trends/],
  ])('%s → %s', async (key, group, reason) => {
    const row = rowOf((await list()).patients, key);
    expect(row?.group).toBe(group);
    expect(row?.reason).toMatch(reason);
  });

  it('every linked patient appears exactly once, and the counts add up', async () => {
    const result = await list();
    const ids = result.patients.map((r) => r.patientId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.values(patients).sort());
    expect(result.groups.reduce((sum, g) => sum + g.count, 0)).toBe(ids.length);
    expect(result.groups.map((g) => g.id)).toEqual(GROUP_ORDER);
  });

  it('no patient told of a MEDIUM or HIGH insight sits under "Meeting targets"', async () => {
    const rows = (await list()).patients;
    for (const [key, id] of Object.entries(patients)) {
      const told = [...(await evaluateInsights(id, NOW)).values()].filter((r) => r && (r.severity === 'MEDIUM' || r.severity === 'HIGH'));
      if (told.length > 0) expect({ key, group: rowOf(rows, key)?.group }).not.toEqual({ key, group: 'on-target' });
    }
  });

  it('rows come in group order', async () => {
    const order = (await list()).patients.map((r) => r.group);
    const ranks = order.map((g) => GROUP_ORDER.indexOf(g));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('a row carries last sync, last data, last review and a 14-day sparkline of the signal behind the group', async () => {
    const rows = (await list()).patients;
    const rising = rowOf(rows, 'rhrRising')!;
    expect(rising.sparkline.label).toMatch(/resting heart rate/i);
    expect(rising.sparkline.values).toHaveLength(14);
    expect(rising.sparkline.values.at(-1)).toBe(80);
    expect(rowOf(rows, 'activityDrop')!.sparkline.values).toHaveLength(14);
    expect(rising.lastSyncAt).not.toBeNull();
    expect(rising.lastDataAt).not.toBeNull();
    expect(rowOf(rows, 'neverSynced')).toMatchObject({ lastSyncAt: null, lastDataAt: null, lastReviewedAt: null });
  });
});

describe('who appears', () => {
  it('an unlinked patient, another doctor\'s patient, a revoked link and a caregiver link never appear', async () => {
    const [unlinked, otherDoctor, other, revoked, caregiverLinked] = await Promise.all([createUser(), createUser({ role: 'DOCTOR' }), createUser(), createUser(), createUser()]);
    await prisma.emergencyEvent.create({ data: { patientId: unlinked.id, kind: 'GLUCOSE_LOW', details: { mgdl: 40 }, detectedAt: new Date() } });
    await linkCare({ patientId: other.id, carerId: otherDoctor.id, kind: 'DOCTOR' });
    await linkCare({ patientId: revoked.id, carerId: doctor.id, kind: 'DOCTOR', revoked: true });
    await linkCare({ patientId: caregiverLinked.id, carerId: doctor.id, kind: 'CAREGIVER' });
    const ids = (await list()).patients.map((r) => r.patientId);
    for (const id of [unlinked.id, other.id, revoked.id, caregiverLinked.id]) expect(ids).not.toContain(id);
  });

  it('revoking a link removes the patient from the next list', async () => {
    const user = await createUser();
    const link = await linkCare({ patientId: user.id, carerId: doctor.id, kind: 'DOCTOR' });
    expect((await list()).patients.map((r) => r.patientId)).toContain(user.id);
    await prisma.careRelationship.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    expect((await list()).patients.map((r) => r.patientId)).not.toContain(user.id);
    await prisma.careRelationship.delete({ where: { id: link.id } });
  });

  it('a disabled patient does not appear', async () => {
    const user = await createUser({ disabled: true });
    await linkCare({ patientId: user.id, carerId: doctor.id, kind: 'DOCTOR' });
    expect((await list()).patients.map((r) => r.patientId)).not.toContain(user.id);
    await prisma.careRelationship.deleteMany({ where: { patientId: user.id } });
  });

  it('a caller who is not a doctor gets an empty list', async () => {
    const result = await findTriageList({ ...doctor, role: 'CAREGIVER' }, triageQuery.parse({}), NOW);
    expect(result.patients).toEqual([]);
  });
});

describe('search, filter, sort', () => {
  it('q matches names case-insensitively; counts follow the search', async () => {
    const result = await list({ q: 'GLUCOSE' });
    expect(result.patients.map((r) => r.name).sort()).toEqual(['Gary Glucose', 'Gina Glucose']);
    expect(result.groups.find((g) => g.id === 'glucose-very-low')?.count).toBe(1);
    expect(result.groups.find((g) => g.id === 'glucose-low')?.count).toBe(1);
    expect(result.groups.find((g) => g.id === 'emergency')?.count).toBe(0);
  });

  it('q is a plain substring (no LIKE wildcards)', async () => {
    expect((await list({ q: '%' })).patients).toEqual([]);
  });

  it('group keeps one group; the counts still cover all groups', async () => {
    const result = await list({ group: 'on-target' });
    expect(new Set(result.patients.map((r) => r.group))).toEqual(new Set(['on-target']));
    expect(result.groups.find((g) => g.id === 'emergency')?.count).toBe(1);
  });

  it('sorts by name within each group, both ways', async () => {
    const asc = (await list({ group: 'on-target' })).patients.map((r) => r.name);
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
    const desc = (await list({ group: 'on-target', order: 'desc' })).patients.map((r) => r.name);
    expect(desc).toEqual([...asc].reverse());
  });

  it('sorts by last review, never-reviewed first', async () => {
    await markPatientReviewed({ ...doctor, role: 'DOCTOR' }, patients.onTarget!, new Date(ago(DAY_MS)));
    await markPatientReviewed({ ...doctor, role: 'DOCTOR' }, patients.bpOld!, new Date(ago(2 * DAY_MS)));
    const names = (await list({ group: 'on-target', sort: 'lastReviewed' })).patients.map((r) => r.name);
    expect(names.slice(-2)).toEqual(['Otto Old', 'Tom Target']);
    const newest = (await list({ group: 'on-target', sort: 'lastReviewed', order: 'desc' })).patients.map((r) => r.name);
    expect(newest.slice(0, 2)).toEqual(['Tom Target', 'Otto Old']);
  });

  it('sorts by last sync, never-synced first', async () => {
    const rows = (await list({ group: 'no-data', sort: 'lastSync' })).patients.map((r) => r.name);
    expect(rows).toEqual(['Nora Never', 'Stella Stale']);
  });

  it('rejects values outside the allowlists', () => {
    expect(triageQuery.safeParse({ sort: 'email' }).success).toBe(false);
    expect(triageQuery.safeParse({ group: 'everyone' }).success).toBe(false);
    expect(triageQuery.safeParse({ order: 'sideways' }).success).toBe(false);
    expect(triageQuery.safeParse({ q: 'x'.repeat(101) }).success).toBe(false);
  });
});
