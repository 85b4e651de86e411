// Integration: the consensus glucose metrics, the AGP and the diabetes profile over the real server and
// PostgreSQL. A CGM wearer in Kolkata with three known days (a steady day, a day half low and half high,
// six hours very high then the sensor off): the period is the patient's local days, both included, whoever
// asks; time in range is time (the sensor-off hours count in no range); a meter-only patient gets
// structured testing and no time in range. Dates lie in November 2026, whole days, far from today.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDevice, createSignedInUser, linkCare, syncSamples } from '@/test/factories';
import { api } from '@/test/http';
import { prisma } from '@/lib/db/client';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
type Metrics = {
  from: string; to: string; source: 'cgm' | 'meter'; readings: number; days: number; activePercent: number | null; mean: number | null; gmi: number | null;
  sd: number | null; cv: number | null; ranges: Record<string, number> | null; targets: { preset: string; low: number; high: number; missed: { label: string }[] };
  structured: { context: string; count: number; mean: number; inTargetPercent: number; target: { low: number; high: number } }[]; note: string | null;
};
type Agp = { slots: { minute: number; p5: number | null; p50: number | null; p95: number | null; n: number }[] };

const MIN = 60_000;
const DAY1 = Date.parse('2026-11-02T00:00:00+05:30');
let cgmPatient: SignedIn;
let meterPatient: SignedIn;
let doctor: SignedIn;
let caregiverNoView: SignedIn;
let stranger: SignedIn;

const reading = (atMs: number, mgdl: number) => {
  const at = new Date(atMs).toISOString();
  return { type: 'BLOOD_GLUCOSE', value: mgdl, unit: 'mg/dL', startDate: at, endDate: at, clientRecordId: `cgm-${atMs}` };
};

beforeAll(async () => {
  [cgmPatient, meterPatient, doctor, caregiverNoView, stranger] = await Promise.all([
    createSignedInUser({ timeZone: 'Asia/Kolkata' }),
    createSignedInUser({ timeZone: 'UTC' }),
    createSignedInUser({ role: 'DOCTOR' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'DOCTOR' }),
  ]);
  await linkCare({ patientId: cgmPatient.id, carerId: doctor.id, kind: 'DOCTOR' });
  await linkCare({ patientId: cgmPatient.id, carerId: caregiverNoView.id, kind: 'CAREGIVER', canView: false });
  const cgm = await createDevice(cgmPatient.id, 'cgm', 'Sensor');
  const samples = [];
  for (let i = 0; i < 288; i++) samples.push(reading(DAY1 + i * 5 * MIN, 100)); // day 1: steady
  for (let i = 0; i < 288; i++) samples.push(reading(DAY1 + 86_400_000 + i * 5 * MIN, i < 144 ? 60 : 200)); // day 2
  for (let i = 0; i < 72; i++) samples.push(reading(DAY1 + 2 * 86_400_000 + i * 5 * MIN, 300)); // day 3: 6 h, then off
  samples.push(reading(DAY1 - 2 * MIN, 40), reading(DAY1 + 3 * 86_400_000 + 2 * MIN, 40)); // just outside the days
  await syncSamples(cgm, samples);

  const entry = (at: string, value: number, mealContext: string) =>
    api('/api/v1/users/me/entries', { cookie: meterPatient.cookie, json: { kind: 'glucose', value, unit: 'mg/dL', mealContext, at } });
  for (const [at, value, context] of [
    ['2026-11-10T07:00:00Z', 120, 'fasting'],
    ['2026-11-11T07:00:00Z', 140, 'fasting'],
    ['2026-11-10T10:00:00Z', 170, 'after_breakfast'],
    ['2026-11-10T21:00:00Z', 100, 'bedtime'],
  ] as const) expect((await entry(at, value, context)).status).toBe(201);
});

describe('GET glucose/metrics', () => {
  it('CGM: time-weighted ranges over the patient’s local days, both included; gaps count in no range', async () => {
    const res = await api<Metrics>('/api/v1/users/me/glucose/metrics?from=2026-11-02&to=2026-11-04', { cookie: cgmPatient.cookie });
    expect(res.status).toBe(200);
    // 54 covered hours of 72: 24 in range, 12 low, 12 high, 6 very high.
    expect(res.body).toMatchObject({
      from: '2026-11-02', to: '2026-11-04', source: 'cgm', readings: 648, days: 3, activePercent: 75,
      mean: 135.6, gmi: 6.6, ranges: { veryLow: 0, low: 22.2, target: 44.5, high: 22.2, veryHigh: 11.1 },
      targets: { preset: 'STANDARD', low: 70, high: 180 },
    });
    expect(res.body.targets.missed.map((t) => t.label)).toEqual(['in range 70–180 mg/dL', 'below 70 mg/dL', 'above 180 mg/dL', 'above 250 mg/dL']);
    expect(res.body.note).toBeNull(); // 75 % active: enough
  });

  it('the doctor reads the same answer; a caregiver without view and a stranger get 404; anonymous 401', async () => {
    const own = await api<Metrics>('/api/v1/users/me/glucose/metrics?from=2026-11-02&to=2026-11-04', { cookie: cgmPatient.cookie });
    const path = `/api/v1/patients/${cgmPatient.id}/glucose/metrics?from=2026-11-02&to=2026-11-04`;
    expect((await api<Metrics>(path, { cookie: doctor.cookie })).body).toEqual(own.body);
    expect((await api(path, { cookie: caregiverNoView.cookie })).status).toBe(404);
    expect((await api(path, { cookie: stranger.cookie })).status).toBe(404);
    expect((await api(path)).status).toBe(401);
  });

  it('one local day: the readings just outside it never count', async () => {
    const res = await api<Metrics>('/api/v1/users/me/glucose/metrics?from=2026-11-02&to=2026-11-02', { cookie: cgmPatient.cookie });
    expect(res.body).toMatchObject({ readings: 288, activePercent: 100, mean: 100, ranges: { veryLow: 0, target: 100 } });
  });

  it('bad periods: clear errors naming the field', async () => {
    const bad = async (q: string) => (await api<{ error: { details: { field: string }[] } }>(`/api/v1/users/me/glucose/metrics?${q}`, { cookie: cgmPatient.cookie })).body.error.details[0]!.field;
    expect(await bad('from=2026-11-05&to=2026-11-01')).toBe('from');
    expect(await bad('from=2026-02-30')).toBe('from');
    expect(await bad('from=2024-01-01&to=2026-11-01')).toBe('from');
    expect((await api('/api/v1/users/me/glucose/metrics?from=2026-11-05&to=2026-11-01', { cookie: cgmPatient.cookie })).status).toBe(422);
  });

  it('two uploaders of one sensor count once (the higher priority wins); a fingerstick beside them stays a meter reading', async () => {
    const patient = await createSignedInUser({ timeZone: 'UTC' });
    const [xdrip, dexcomApp, meter] = await Promise.all([
      createDevice(patient.id, 'cgm', 'xDrip+'),
      createDevice(patient.id, 'cgm', 'Dexcom app'),
      createDevice(patient.id, 'glucometer', 'Meter'),
    ]);
    await prisma.device.update({ where: { id: xdrip.id }, data: { priority: 10 } });
    await prisma.device.update({ where: { id: dexcomApp.id }, data: { priority: 5 } });
    const day = Date.parse('2026-11-20T00:00:00Z');
    await syncSamples(xdrip, Array.from({ length: 288 }, (_, i) => reading(day + i * 5 * MIN, 100)));
    await syncSamples(dexcomApp, Array.from({ length: 288 }, (_, i) => reading(day + i * 5 * MIN + 20_000, 101)));
    await syncSamples(meter, [{ ...reading(day + 12 * 60 * MIN + 60_000, 90), clientRecordId: 'finger-1' }]);
    const res = await api<Metrics>('/api/v1/users/me/glucose/metrics?from=2026-11-20&to=2026-11-20', { cookie: patient.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'cgm', readings: 288, mean: 100, activePercent: 100, ranges: { target: 100 } });
    const agp = await api<Agp>('/api/v1/users/me/glucose/agp?from=2026-11-20&to=2026-11-20', { cookie: patient.cookie });
    expect(agp.body.slots.every((slot) => slot.n === 3 && slot.p50 === 100)).toBe(true);
  });

  it('meter only: structured testing by meal context, no time in range, and why', async () => {
    const res = await api<Metrics>('/api/v1/users/me/glucose/metrics?from=2026-11-10&to=2026-11-11', { cookie: meterPatient.cookie });
    expect(res.body).toMatchObject({ source: 'meter', readings: 4, days: 2, activePercent: null, gmi: null, ranges: null, mean: 132.5 });
    expect(res.body.note).toMatch(/time in ranges/);
    expect(res.body.structured).toEqual([
      { context: 'fasting', count: 2, mean: 130, min: 120, max: 140, inTargetPercent: 50, target: { low: 80, high: 130 } },
      { context: 'after_breakfast', count: 1, mean: 170, min: 170, max: 170, inTargetPercent: 100, target: { low: 70, high: 180 } },
      { context: 'bedtime', count: 1, mean: 100, min: 100, max: 100, inTargetPercent: 100, target: { low: 90, high: 150 } },
    ]);
  });
});

describe('GET glucose/agp', () => {
  it('96 slots from local midnight; percentiles over the days; the hours nobody wore the sensor are gaps', async () => {
    const res = await api<Agp>('/api/v1/users/me/glucose/agp?from=2026-11-02&to=2026-11-04', { cookie: cgmPatient.cookie });
    expect(res.status).toBe(200);
    expect(res.body.slots).toHaveLength(96);
    expect(res.body.slots[0]).toMatchObject({ minute: 0, n: 9, p50: 100, p5: 60, p95: 300 });
    expect(res.body.slots[48]).toMatchObject({ minute: 720, n: 6, p50: 150 }); // 12:00: 100 ×3 and 200 ×3
    const doctorView = await api<Agp>(`/api/v1/patients/${cgmPatient.id}/glucose/agp?from=2026-11-02&to=2026-11-04`, { cookie: doctor.cookie });
    expect(doctorView.body).toEqual(res.body);
  });
});

describe('diabetes profile', () => {
  it('the patient sets type and preset; the metrics follow the preset (pregnancy: 63–140)', async () => {
    const set = await api<Record<string, unknown>>('/api/v1/users/me/diabetes-profile', { method: 'PATCH', cookie: cgmPatient.cookie, json: { diabetesType: 'TYPE_1', diagnosisYear: 2010, targetPreset: 'PREGNANCY_TYPE_1' } });
    expect(set.body).toMatchObject({ diabetesType: 'TYPE_1', diagnosisYear: 2010, targetHba1c: null, targetPreset: 'PREGNANCY_TYPE_1' });
    const m = await api<Metrics>('/api/v1/users/me/glucose/metrics?from=2026-11-02&to=2026-11-02', { cookie: cgmPatient.cookie });
    expect(m.body.targets).toMatchObject({ preset: 'PREGNANCY_TYPE_1', low: 63, high: 140 });
    expect(m.body.ranges).toMatchObject({ target: 100 });
  });

  it('the doctor edits it; a caregiver may not; bad values are refused naming the field, changing nothing', async () => {
    const path = `/api/v1/patients/${cgmPatient.id}/diabetes-profile`;
    const edited = await api<Record<string, unknown>>(path, { method: 'PATCH', cookie: doctor.cookie, json: { targetHba1c: 6.5, targetPreset: 'STANDARD' } });
    expect(edited.body).toMatchObject({ diabetesType: 'TYPE_1', targetHba1c: 6.5, targetPreset: 'STANDARD' });
    expect((await api(path, { method: 'PATCH', cookie: stranger.cookie, json: { targetHba1c: 7 } })).status).toBe(404);
    const bad = await api<{ error: { details: { field: string }[] } }>(path, { method: 'PATCH', cookie: doctor.cookie, json: { targetHba1c: 20, diagnosisYear: 3000 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d) => d.field).sort()).toEqual(['diagnosisYear', 'targetHba1c']);
    expect((await api<Record<string, unknown>>(path, { cookie: doctor.cookie })).body).toMatchObject({ targetHba1c: 6.5 });
  });
});
