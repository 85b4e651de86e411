// Integration: the link share's glucose report — /shared/report (page) and /shared/report.pdf — for the
// browser holding the grant cookie of a share whose types include blood glucose: its days only and
// nothing beyond glucose; a share without glucose, or no grant, is the plain 404.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDevice, createSignedInUser, setDisplayName, syncSamples } from '@/test/factories';
import { api, baseUrl } from '@/test/http';

let patient: Awaited<ReturnType<typeof createSignedInUser>>;

async function grantFor(types: string[]): Promise<string> {
  const share = await api('/api/v1/shares', {
    cookie: patient.cookie,
    json: { types, from: '2026-10-03', to: '2026-10-06', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  });
  expect(share.status).toBe(201);
  const res = await api(`/share/${share.body.code}`);
  expect(res.status).toBe(303);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
}

beforeAll(async () => {
  patient = await createSignedInUser({ timeZone: 'Europe/Berlin' });
  await setDisplayName(patient.id, 'Sam Shared-Report');
  const cgm = await createDevice(patient.id, 'cgm', 'Sensor');
  const samples = [];
  for (let t = Date.parse('2026-10-01T00:00:00Z'); t < Date.parse('2026-10-09T00:00:00Z'); t += 5 * 60_000) {
    const at = new Date(t).toISOString();
    samples.push({ type: 'BLOOD_GLUCOSE', value: 100 + ((t / 300_000) % 30) * 4, unit: 'mg/dL', startDate: at, endDate: at });
  }
  await syncSamples(cgm, samples);
});

describe('/shared/report and /shared/report.pdf', { timeout: 180_000 }, () => {
  it('give the report of the shared days to the holder of a glucose share\'s grant', async () => {
    const grant = await grantFor(['BLOOD_GLUCOSE']);
    const viewer = await api('/shared', { cookie: grant });
    expect(viewer.body).toContain('Glucose report (AGP)');
    const page = await api('/shared/report', { cookie: grant });
    expect(page.status).toBe(200);
    expect(page.body).toContain('AGP report');
    expect(page.body).toContain('Sam Shared-Report');
    expect(page.body).toContain('3 Oct 2026');
    const res = await fetch(`${baseUrl()}/shared/report.pdf?from=2026-10-01&to=2026-10-08`, { headers: { cookie: grant } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('glucose-report-2026-10-03-to-2026-10-06.pdf'); // narrowed to the share
    expect(res.headers.get('cache-control')).toContain('no-store');
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), { mergePages: true });
    expect(text).toContain('Sam Shared-Report');
    expect(text).toContain('Time in Ranges');
    expect(text).toContain('Shared by the patient');
    expect(text).not.toContain('Medications');

    // A link share's reader has no account: the page and the PDF follow the browser's language.
    const hindi = await fetch(`${baseUrl()}/shared/report.pdf?from=2026-10-01&to=2026-10-08`, { headers: { cookie: grant, 'accept-language': 'hi-IN,hi;q=0.9,en;q=0.5' } });
    const { text: hindiText } = await extractText(await getDocumentProxy(new Uint8Array(await hindi.arrayBuffer())), { mergePages: true });
    expect(hindiText).toContain('सीमाओं में समय');
    expect(hindiText).toContain('मरीज़ द्वारा साझा');
    expect(hindiText).toContain('Sam Shared-Report');
    const tamil = await api<string>('/shared/report', { cookie: `${grant}; pulse-locale=ta` });
    expect(tamil.body).toContain('AGP அறிக்கை');
  });

  it('are 404 for a share without glucose, and without a grant', async () => {
    const grant = await grantFor(['STEPS']);
    expect((await api('/shared', { cookie: grant })).body).not.toContain('Glucose report (AGP)');
    expect((await api('/shared/report', { cookie: grant })).status).toBe(404);
    expect((await fetch(`${baseUrl()}/shared/report.pdf`, { headers: { cookie: grant } })).status).toBe(404);
    expect((await fetch(`${baseUrl()}/shared/report.pdf`)).status).toBe(404);
  });
});
