// Integration (HTTP): the report pages. The doctor's patient page shows the 14-day glucose summary (GMI,
// the link to the AGP report) and the diabetes profile; the doctor's report page shows the AGP report for
// a period of the patient's days (a bad period is named, the default shown); the caregiver's needs view
// permission; the patient reads their own at /report. Data two to five days back at noon UTC, so the default
// 14 days hold it whatever the hour.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '@/lib/time';
import { createDevice, createSignedInUser, linkCare, setDisplayName, syncSamples } from '@/test/factories';
import { api, baseUrl } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;
let doctor: SignedIn;
let caregiver: SignedIn;
let blind: SignedIn;
const text = (html: string) => html.replace(/<!-- -->/g, '');

beforeAll(async () => {
  [patient, doctor, caregiver, blind] = await Promise.all([
    createSignedInUser({ timeZone: 'UTC' }), createSignedInUser({ role: 'DOCTOR' }), createSignedInUser({ role: 'CAREGIVER' }), createSignedInUser({ role: 'CAREGIVER' }),
  ]);
  await setDisplayName(patient.id, 'Pat Page-Report');
  await Promise.all([
    linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' }),
    linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: true }),
    linkCare({ patientId: patient.id, carerId: blind.id, kind: 'CAREGIVER', canView: false }),
  ]);
  const cgm = await createDevice(patient.id, 'cgm', 'Sensor');
  const start = Date.parse(`${addDays(localDate(Date.now(), 'UTC'), -5)}T12:00:00Z`);
  const samples = [];
  for (let t = start; t < start + 3 * 86_400_000; t += 5 * 60_000) {
    const at = new Date(t).toISOString();
    samples.push({ type: 'BLOOD_GLUCOSE', value: 90 + ((t / 300_000) % 24) * 6, unit: 'mg/dL', startDate: at, endDate: at });
  }
  await syncSamples(cgm, samples);
});

describe('report pages', { timeout: 180_000 }, () => {
  it('the doctor\'s patient page shows the glucose summary and the diabetes profile', async () => {
    const page = await api<string>(`/doctor/patients/${patient.id}`, { cookie: doctor.cookie });
    expect(page.status).toBe(200);
    const html = text(page.body);
    expect(html).toContain('Glucose, last 14 days');
    expect(html).toContain('Open AGP report');
    expect(html).toContain('GMI');
    expect(html).toContain('Diabetes profile');
  });

  it('the doctor\'s report page shows the AGP report, and names a bad period', async () => {
    const page = await api<string>(`/doctor/patients/${patient.id}/report`, { cookie: doctor.cookie });
    expect(page.status).toBe(200);
    const html = text(page.body);
    expect(html).toContain('AGP report: Pat Page-Report');
    expect(html).toContain('(14 days)');
    expect(html).toContain('Time in ranges');
    expect(html).toContain('Glucose management indicator (GMI)');
    expect(html).toContain('Download PDF');
    const bad = text((await api<string>(`/doctor/patients/${patient.id}/report?from=2026-13-01`, { cookie: doctor.cookie })).body);
    expect(bad).toContain('The dates asked for are not valid');
  });

  it('the caregiver with view reads it; without view it is 404; the patient reads their own', async () => {
    expect((await api<string>(`/caregiver/patients/${patient.id}/report`, { cookie: caregiver.cookie })).status).toBe(200);
    // Below the patient's loading.tsx the page streams: its notFound() arrives as Next's 404 marker in a
    // 200 (as the authorization matrix counts it), with nothing of the report.
    const refused = await api<string>(`/caregiver/patients/${patient.id}/report`, { cookie: blind.cookie });
    expect(refused.status === 404 || refused.body.includes('NEXT_HTTP_ERROR_FALLBACK;404')).toBe(true);
    expect(refused.body).not.toContain('Pat Page-Report');
    const own = await api<string>('/report', { cookie: patient.cookie });
    expect(own.status).toBe(200);
    expect(text(own.body)).toContain('AGP report: Pat Page-Report');
  });

  it('reads in the reader\'s language: the patient in Hindi, the doctor in Tamil, each their own', async () => {
    for (const [who, language] of [[patient, 'hi'], [doctor, 'ta']] as const) {
      expect((await api('/api/v1/users/me/settings', { method: 'PATCH', cookie: who.cookie, json: { language } })).status).toBe(200);
    }
    const own = text((await api<string>('/report', { cookie: patient.cookie })).body);
    expect(own).toContain('AGP रिपोर्ट: Pat Page-Report');
    expect(own).toContain('(14 दिन)');
    expect(own).toContain('सीमाओं में समय'); // time in ranges
    expect(own).toContain('ग्लूकोज़ प्रबंधन संकेतक (GMI)');
    expect(own).toContain('PDF डाउनलोड करें');
    expect(own).not.toContain('Time in ranges');
    const bad = text((await api<string>('/report?from=2026-13-01', { cookie: patient.cookie })).body);
    expect(bad).toContain('माँगी गई तारीखें मान्य नहीं हैं');
    const doctors = text((await api<string>(`/doctor/patients/${patient.id}/report`, { cookie: doctor.cookie })).body);
    expect(doctors).toContain('AGP அறிக்கை: Pat Page-Report');
    const pdf = await fetch(`${baseUrl()}/api/v1/patients/${patient.id}/glucose/report.pdf`, { headers: { cookie: doctor.cookie } });
    expect(pdf.status).toBe(200);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
    expect(pdfText).toContain('வரம்புகளில் உள்ள நேரம்'); // the doctor's language, not the patient's
    expect(pdfText).not.toContain('सीमाओं में समय');
  });
});
