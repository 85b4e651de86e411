// Integration (real PostgreSQL, over HTTP): an insight's texts are built for whoever reads them. The
// patient reads "You took…", a caregiver reads the patient's name, a doctor a neutral clinical sentence;
// each in their own glucose unit (the patient's notification too: it has one recipient, the patient).
import { beforeAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { ensureSamplePartitions } from '@/lib/data/partitions';
import { refreshInsights } from '@/lib/data/insights';
import { createDevice, createSignedInUser, linkCare, setDisplayName } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
type Text = { kind: string; title: string; body: string };
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

let patient: SignedIn;
let doctorMgdl: SignedIn;
let doctorMmol: SignedIn;
let caregiver: SignedIn;

const mmol = (userId: string) => prisma.userPreferences.update({ where: { userId }, data: { glucoseUnit: 'MMOL_L' } });
const overviewInsights = async (reader: SignedIn) => {
  const res = await api<{ insights: Text[] }>(`/api/v1/patients/${patient.id}/overview`, { cookie: reader.cookie });
  expect(res.status).toBe(200);
  return res.body.insights;
};
const byKind = (texts: Text[], kind: string) => {
  const found = texts.find((t) => t.kind === kind);
  if (!found) throw new Error(`no ${kind} insight in ${JSON.stringify(texts)}`);
  return found;
};

beforeAll(async () => {
  [patient, doctorMgdl, doctorMmol, caregiver] = await Promise.all([
    createSignedInUser(), createSignedInUser({ role: 'DOCTOR' }), createSignedInUser({ role: 'DOCTOR' }), createSignedInUser({ role: 'CAREGIVER' }),
  ]);
  await setDisplayName(patient.id, 'Robin Reader');
  await Promise.all([mmol(patient.id), mmol(doctorMmol.id)]);
  await linkCare({ patientId: patient.id, carerId: doctorMgdl.id, kind: 'DOCTOR' });
  await linkCare({ patientId: patient.id, carerId: doctorMmol.id, kind: 'DOCTOR' });
  await linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: true });

  // 3 of 4 doses taken in the last week (75 %: MEDIUM).
  const now = Date.now();
  const med = await prisma.medication.create({ data: { userId: patient.id, name: 'Metformin', schedule: { times: ['08:00'] }, startedOn: new Date(now - 60 * DAY_MS) } });
  await prisma.medicationLog.createMany({
    data: (['TAKEN', 'TAKEN', 'TAKEN', 'MISSED'] as const).map((status, i) => ({
      medicationId: med.id, userId: patient.id, scheduledAt: new Date(now - (i + 1) * DAY_MS), status, recordedById: patient.id,
    })),
  });
  // 20 meter readings over ten days, 7 of them at 200 mg/dL: 65 % in range.
  const device = await createDevice(patient.id, 'glucometer');
  const readings = Array.from({ length: 20 }, (_, i) => ({ atMs: now - HOUR_MS - i * 12 * HOUR_MS, value: i < 7 ? 200 : 120 }));
  await ensureSamplePartitions(pool(), readings.map((r) => r.atMs));
  await prisma.healthSample.createMany({
    data: readings.map((r) => ({ userId: patient.id, deviceId: device.id, type: 'BLOOD_GLUCOSE' as const, startAt: new Date(r.atMs), endAt: new Date(r.atMs), value: r.value })),
  });
  await refreshInsights(patient.id);
});

describe('insight texts follow their reader', () => {
  it('a doctor does not read text written to the patient', async () => {
    const adherence = byKind(await overviewInsights(doctorMgdl), 'MEDICATION_ADHERENCE');
    expect(`${adherence.title} ${adherence.body}`).not.toMatch(/\byou(r)?\b/i);
    expect(adherence.body).toContain('3 of 4 scheduled doses');
    expect(adherence.body).toContain('1 missed');
  });

  it('the doctor\'s and the caregiver\'s patient pages show the texts built for them', async () => {
    const doctorPage = await api<string>(`/doctor/patients/${patient.id}`, { cookie: doctorMmol.cookie });
    expect(doctorPage.status).toBe(200);
    expect(doctorPage.body).toContain('3 of 4 scheduled doses taken in the last 7 days');
    expect(doctorPage.body).toContain('3.9–10.0 mmol/L');
    expect(doctorPage.body).not.toContain('You took');
    const caregiverPage = await api<string>(`/caregiver/patients/${patient.id}`, { cookie: caregiver.cookie });
    expect(caregiverPage.status).toBe(200);
    expect(caregiverPage.body).toContain('Robin Reader took 3 of 4 scheduled doses');
    expect(caregiverPage.body).not.toContain('You took');
  }, 240_000); // the dev server compiles both pages on first request

  it('a caregiver reads the patient by name', async () => {
    const adherence = byKind(await overviewInsights(caregiver), 'MEDICATION_ADHERENCE');
    expect(adherence.body).toMatch(/^Robin Reader took 3 of 4 scheduled doses/);
    expect(`${adherence.title} ${adherence.body}`).not.toMatch(/\byou(r)?\b/i);
  });

  it('each doctor reads glucose in their own unit', async () => {
    const mgdl = byKind(await overviewInsights(doctorMgdl), 'GLUCOSE_TIME_IN_RANGE');
    expect(mgdl.body).toContain('70–180 mg/dL');
    expect(mgdl.body).not.toContain('mmol/L');
    const mmolL = byKind(await overviewInsights(doctorMmol), 'GLUCOSE_TIME_IN_RANGE');
    expect(mmolL.body).toContain('3.9–10.0 mmol/L');
    expect(mmolL.body).not.toContain('mg/dL');
    expect(`${mmolL.title} ${mmolL.body}`).not.toMatch(/\byou(r)?\b/i);
  });

  it('the patient reads "you", in their unit, on the dashboard and in the notification', async () => {
    const res = await api<{ insights: Text[] }>('/api/v1/users/me/insights', { cookie: patient.cookie });
    expect(byKind(res.body.insights, 'MEDICATION_ADHERENCE').body).toMatch(/^You took 3 of 4 scheduled doses/);
    const glucose = byKind(res.body.insights, 'GLUCOSE_TIME_IN_RANGE');
    expect(glucose.body).toContain('of your 20 readings');
    expect(glucose.body).toContain('3.9–10.0 mmol/L');
    expect(glucose.body).not.toContain('mg/dL');

    const inbox = await api<{ notifications: Text[] }>('/api/v1/notifications', { cookie: patient.cookie });
    const note = byKind(inbox.body.notifications, 'insight.GLUCOSE_TIME_IN_RANGE');
    expect(note.body).toContain('mmol/L');
    expect(note.body).not.toContain('mg/dL');
  });
});
