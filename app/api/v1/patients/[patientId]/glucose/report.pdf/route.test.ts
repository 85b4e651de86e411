// Integration: the clinic report's PDF, GET /api/v1/patients/:patientId/glucose/report.pdf (a doctor, a
// caregiver with view, a share's reader within its days) and GET /api/v1/users/me/glucose/report.pdf (the
// patient). The PDF's text is read back with unpdf: the patient's name, "Time in Range", the whole-number
// shares the metrics API gives after roundShares(…, 0), the GMI; a meter-only patient's PDF carries
// structured testing and no time in range. Data is two weeks of November 2026 (New York), synced through the
// real sync endpoint, so nothing depends on the hour the test runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { roundShares, type RangeShares } from '@/lib/pipeline/glucose-metrics';
import { createDevice, createSignedInUser, linkCare, setDisplayName, syncSamples } from '@/test/factories';
import { api, baseUrl } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;
let meterPatient: SignedIn;
let doctor: SignedIn;
let caregiver: SignedIn;
let blindCaregiver: SignedIn;
let stranger: SignedIn;
let shareReader: SignedIn;

const FROM = '2026-11-01';
const TO = '2026-11-14';
const Q = `?from=${FROM}&to=${TO}`;

async function getPdf(path: string, cookie: string) {
  const res = await fetch(baseUrl() + path, { headers: { cookie }, redirect: 'manual' });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(bytes);
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: totalPages };
}

// Five-minute CGM readings: an hour a day very low, an hour low, two hours high, an hour very high (UTC hours).
function cgmDay(day: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const start = Date.parse(`${day}T05:00:00Z`);
  for (let t = start; t < start + 86_400_000; t += 5 * 60_000) {
    const h = new Date(t).getUTCHours();
    const value = h === 8 ? 48 : h === 9 ? 62 : h === 22 || h === 23 ? 215 : h === 0 ? 290 : 118 + (t / 60_000) % 40;
    const at = new Date(t).toISOString();
    out.push({ type: 'BLOOD_GLUCOSE', value, unit: 'mg/dL', startDate: at, endDate: at });
  }
  return out;
}

beforeAll(async () => {
  [patient, meterPatient, doctor, caregiver, blindCaregiver, stranger, shareReader] = await Promise.all([
    createSignedInUser({ timeZone: 'America/New_York' }),
    createSignedInUser({ timeZone: 'America/New_York' }),
    createSignedInUser({ role: 'DOCTOR' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'DOCTOR' }),
    createSignedInUser({ role: 'DOCTOR' }),
  ]);
  await setDisplayName(patient.id, 'Ada Report-Test');
  await setDisplayName(meterPatient.id, 'Mo Meter-Only');
  await Promise.all([
    linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' }),
    linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: true }),
    linkCare({ patientId: patient.id, carerId: blindCaregiver.id, kind: 'CAREGIVER', canView: false }),
    linkCare({ patientId: meterPatient.id, carerId: doctor.id, kind: 'DOCTOR' }),
  ]);
  const cgm = await createDevice(patient.id, 'cgm', 'Sensor');
  const days = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
  for (let i = 0; i < days.length; i += 4) await syncSamples(cgm, days.slice(i, i + 4).flatMap(cgmDay));
  // The doctor enters the latest HbA1c: the report prints it beside the GMI of the 90 days before it.
  const lab = await api(`/api/v1/patients/${patient.id}/labs`, { cookie: doctor.cookie, json: { code: '4548-4', value: 7.4, unit: '%', effectiveAt: '2026-11-14T09:00:00-05:00' } });
  expect(lab.status).toBe(201);
  await prisma.medication.create({ data: { userId: patient.id, name: 'Metformin', dosage: '500 mg', schedule: { times: ['08:00', '20:00'] }, startedOn: new Date('2026-01-10T00:00:00Z') } });
  const readings: [string, number, string][] = [
    ['2026-11-03T07:00:00-05:00', 128, 'fasting'], ['2026-11-03T14:00:00-05:00', 192, 'after_lunch'], ['2026-11-04T07:00:00-05:00', 112, 'fasting'],
    ['2026-11-05T07:00:00-05:00', 141, 'fasting'], ['2026-11-05T22:00:00-05:00', 133, 'bedtime'], ['2026-11-06T19:30:00-05:00', 165, 'after_dinner'],
  ];
  for (const [at, value, mealContext] of readings) {
    const res = await api('/api/v1/users/me/entries', { json: { kind: 'glucose', value, unit: 'mg/dL', mealContext, at }, cookie: meterPatient.cookie });
    expect(res.status).toBe(201);
  }
});

describe('GET …/glucose/report.pdf', () => {
  it('gives the doctor one A4 page with the name, Time in Range, the whole-number shares and the GMI', async () => {
    const { res, bytes } = await getPdf(`/api/v1/patients/${patient.id}/glucose/report.pdf${Q}`, doctor.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="glucose-report-${FROM}-to-${TO}.pdf"`);
    // The answer says private, no-store; the API's security headers (lib/security/headers.ts) make every
    // API answer no-store, which says at least as much.
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const metrics = await api(`/api/v1/patients/${patient.id}/glucose/metrics${Q}`, { cookie: doctor.cookie });
    expect(metrics.body.source).toBe('cgm');
    const whole = roundShares(metrics.body.ranges as RangeShares, 0);
    expect(Object.values(whole).every((v) => Number.isInteger(v) && v > 0)).toBe(true);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBe(1);
    expect(text).toContain('Ada Report-Test');
    expect(text).toContain('Time in Range');
    for (const v of Object.values(whole)) expect(text).toContain(`${v} %`);
    expect(text).toContain('GMI');
    expect(text).toContain(`${metrics.body.gmi.toFixed(1)} %`);
    expect(text).toContain('Metformin 500 mg');
    expect(text).toContain('HbA1c');
    expect(text).toContain('7.4 %');
    expect(text).toMatch(/GMI \d+(\.\d)? % over the 90 days before/);
    expect(text).toContain('Open emergencies');
    expect(text).toContain('1 Nov 2026 - 14 Nov 2026 (14 days)');
  });

  it('gives the patient their own, and a caregiver with view the same figures', async () => {
    const own = await getPdf(`/api/v1/users/me/glucose/report.pdf${Q}`, patient.cookie);
    expect(own.res.status).toBe(200);
    expect(own.res.headers.get('content-type')).toBe('application/pdf');
    const carer = await getPdf(`/api/v1/patients/${patient.id}/glucose/report.pdf${Q}`, caregiver.cookie);
    expect(carer.res.status).toBe(200);
    const [a, b] = await Promise.all([pdfText(own.bytes), pdfText(carer.bytes)]);
    for (const t of [a.text, b.text]) {
      expect(t).toContain('Ada Report-Test');
      expect(t).toContain('Time in Range');
    }
    // The caregiver's link carries no alerts: no emergencies section for them.
    expect(a.text).toContain('Open emergencies');
    expect(b.text).not.toContain('Open emergencies');
  });

  it('is 404 for a doctor of someone else, a caregiver without view, another patient, and 401 signed out', async () => {
    for (const cookie of [stranger.cookie, blindCaregiver.cookie, meterPatient.cookie]) {
      const { res } = await getPdf(`/api/v1/patients/${patient.id}/glucose/report.pdf${Q}`, cookie);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).not.toBe('application/pdf');
    }
    expect((await getPdf(`/api/v1/users/me/glucose/report.pdf${Q}`, '')).res.status).toBe(401);
  });

  it('refuses a bad period, naming the field', async () => {
    const res = await api(`/api/v1/patients/${patient.id}/glucose/report.pdf?from=2026-11-14&to=2026-11-01`, { cookie: doctor.cookie });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe('from');
  });

  it('gives a share reader the shared days only, without medications; a share without glucose is 404', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000);
    const share = await prisma.shareToken.create({
      data: { patientId: patient.id, recipientUserId: shareReader.id, types: ['BLOOD_GLUCOSE'], dataFrom: new Date('2026-11-05T00:00:00Z'), dataTo: new Date('2026-11-10T00:00:00Z'), expiresAt },
      select: { id: true },
    });
    const { res, bytes } = await getPdf(`/api/v1/patients/${patient.id}/glucose/report.pdf?share=${share.id}${Q.replace('?', '&')}`, shareReader.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('glucose-report-2026-11-05-to-2026-11-10.pdf');
    const { text } = await pdfText(bytes);
    expect(text).toContain('Time in Range');
    expect(text).toContain('Shared by the patient');
    expect(text).not.toContain('Metformin');
    expect(text).not.toContain('HbA1c');
    await prisma.shareToken.update({ where: { id: share.id }, data: { types: ['WEIGHT'] } });
    expect((await getPdf(`/api/v1/patients/${patient.id}/glucose/report.pdf?share=${share.id}${Q.replace('?', '&')}`, shareReader.cookie)).res.status).toBe(404);
  });

  it('prints structured testing for a meter-only patient, and no time in range', async () => {
    const { res, bytes } = await getPdf(`/api/v1/patients/${meterPatient.id}/glucose/report.pdf${Q}`, doctor.cookie);
    expect(res.status).toBe(200);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBe(1);
    expect(text).toContain('Mo Meter-Only');
    expect(text).toContain('Structured testing');
    expect(text).toContain('Fasting');
    expect(text).toContain('After lunch');
    expect(text).toContain('Meter readings only');
    expect(text).not.toContain('Time in Range');
    expect(text).not.toContain('Glucose Management Indicator');
    // Fasting: 128, 112, 141 → 2 of 3 in 80–130 → 67 %, average 127 mg/dL.
    expect(text).toMatch(/Fasting 3 127 mg\/dL 67 %/);
  });
});
