// Exports over HTTP: CSV of the readings that count after dedup and of daily aggregates, a FHIR R4 Bundle,
// and the round trip — export a patient's data as FHIR, import it into a new patient, and the daily
// aggregates are the same.
import http from 'node:http';
import { describe, expect, it, onTestFinished } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createDevice, createSignedInUser, syncSamples, waitFor, waitForPipeline } from '@/test/factories';
import { api, baseUrl } from '@/test/http';

const DAY = '2026-10-14';
const at = (hhmm: string) => `${DAY}T${hhmm}:00+02:00`; // Europe/Berlin in October

async function patientWithData() {
  const patient = await createSignedInUser({ timeZone: 'Europe/Berlin' });
  const since = new Date();
  const watch = await createDevice(patient.id, 'watch', 'Watch');
  const phone = await createDevice(patient.id, 'phone', 'Phone');
  await syncSamples(watch, [
    { type: 'STEPS', value: 600, unit: 'count', startDate: at('09:00'), endDate: at('09:10') },
    { type: 'HEART_RATE', value: 64, unit: 'count/min', startDate: at('09:05'), endDate: at('09:05') },
    { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: at('12:00'), endDate: at('12:00') },
  ]);
  await syncSamples(phone, [
    // Overlaps the watch's steps: the watch wins 09:00–09:10, the phone counts only 09:10–09:20.
    { type: 'STEPS', value: 1000, unit: 'count', startDate: at('09:00'), endDate: at('09:20') },
    { type: 'HEART_RATE', value: 65, unit: 'count/min', startDate: at('09:05'), endDate: at('09:05') },
    { type: 'BLOOD_GLUCOSE', value: 104, unit: 'mg/dL', startDate: at('07:30'), endDate: at('07:30') },
    { type: 'BLOOD_PRESSURE_SYSTOLIC', value: 124, unit: 'mmHg', startDate: at('08:00'), endDate: at('08:00') },
    { type: 'BLOOD_PRESSURE_DIASTOLIC', value: 81, unit: 'mmHg', startDate: at('08:00'), endDate: at('08:00') },
    { type: 'WEIGHT', value: 71.4, unit: 'kg', startDate: at('07:00'), endDate: at('07:00') },
    { type: 'INSULIN', value: 4.5, unit: 'U', category: 'bolus', startDate: at('12:00'), endDate: at('12:00') },
    { type: 'INSULIN', value: 0.8, unit: 'U', category: 'temp_basal', startDate: at('13:00'), endDate: at('13:30') },
    { type: 'CARBOHYDRATES', value: 45, unit: 'g', startDate: at('12:00'), endDate: at('12:00') },
  ]);
  // A second uploader relaying the same bolus: it counts once, so the export holds it once.
  const relay = await createDevice(patient.id, 'cgm', 'Relay');
  await syncSamples(relay, [{ type: 'INSULIN', value: 4.5, unit: 'U', category: 'bolus', startDate: at('12:00'), endDate: at('12:00') }]);
  await waitForPipeline(patient.id, since, 60_000);
  return patient;
}

async function download(cookie: string, query: string) {
  const res = await fetch(`${baseUrl()}/api/v1/users/me/export?${query}`, { headers: { cookie } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const TYPES = 'STEPS,HEART_RATE,BLOOD_GLUCOSE,BLOOD_PRESSURE_SYSTOLIC,BLOOD_PRESSURE_DIASTOLIC,WEIGHT,INSULIN,CARBOHYDRATES';

async function dailyAggregates(userId: string) {
  const rows = await prisma.healthAggregate.findMany({ where: { userId, period: 'DAY' }, select: { type: true, periodStart: true, value: true, min: true, max: true, count: true } });
  return rows.map((r) => ({ ...r, value: Math.round(r.value * 1000) / 1000 })).sort((a, b) => a.type.localeCompare(b.type));
}

describe('GET /api/v1/users/me/export', () => {
  it('CSV of readings counts each step once (dedup) and daily summaries match the aggregates', async () => {
    const patient = await patientWithData();
    const csv = await download(patient.cookie, `format=csv&kind=samples&types=STEPS,HEART_RATE&from=${DAY}&to=${DAY}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="pulse-samples-2026-10-14-2026-10-14\.csv"/);
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('type,start,end,value,unit,category,source');
    const steps = lines.filter((l) => l.startsWith('STEPS,'));
    expect(steps).toEqual([
      'STEPS,2026-10-14T09:00:00+02:00,2026-10-14T09:10:00+02:00,600,count,,Watch',
      'STEPS,2026-10-14T09:10:00+02:00,2026-10-14T09:20:00+02:00,500,count,,Phone',
    ]);
    expect(lines.filter((l) => l.startsWith('HEART_RATE,'))).toHaveLength(2); // the phone's 09:05 reading is the watch's

    const daily = await download(patient.cookie, `format=csv&kind=daily&types=STEPS&from=${DAY}&to=${DAY}`);
    expect(daily.text.split('\r\n')[1]).toBe('STEPS,2026-10-14,1100,,,2,count,SUM');
  });

  it('FHIR export → import into a new patient → the same daily aggregates', async () => {
    const source = await patientWithData();
    const bundle = await download(source.cookie, `format=fhir&types=${TYPES}&from=${DAY}&to=${DAY}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const parsed = JSON.parse(bundle.text) as { resourceType: string; entry: { resource: { resourceType: string; category: unknown; code: unknown } }[] };
    expect(parsed.resourceType).toBe('Bundle');
    expect(parsed.entry.length).toBeGreaterThanOrEqual(9);
    // Insulin doses are MedicationAdministrations (the relayed copy of the bolus is not exported: one dose).
    const doses = parsed.entry.filter((e) => e.resource.resourceType === 'MedicationAdministration');
    expect(doses).toHaveLength(2);
    for (const { resource } of parsed.entry.filter((e) => e.resource.resourceType !== 'MedicationAdministration')) {
      expect(resource.resourceType).toBe('Observation');
      // Vital signs carry the vital-signs category (steps are "activity").
      const category = JSON.stringify(resource.category);
      expect(category).toContain(JSON.stringify(resource.code).includes('"8867-4"') ? 'vital-signs' : 'observation-category');
    }

    const target = await createSignedInUser({ timeZone: 'Europe/Berlin' });
    const since = new Date();
    const form = new FormData();
    form.append('file', new Blob([bundle.text], { type: 'application/fhir+json' }), 'export.fhir.json');
    const res = await fetch(`${baseUrl()}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie: target.cookie } });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await waitFor(async () => {
      const r = await api<{ status: string; accepted: number; rejectedCount: number }>(`/api/v1/imports/${id}`, { cookie: target.cookie });
      return r.body.status === 'done' || r.body.status === 'failed' ? r.body : null;
    }, 'the import', 60_000);
    expect(done).toMatchObject({ status: 'done', rejectedCount: 0 });
    await waitForPipeline(target.id, since, 60_000);

    const expected = await dailyAggregates(source.id);
    expect(expected.length).toBe(8);
    expect(await dailyAggregates(target.id)).toEqual(expected);
  });

  it('validates the query, names the field, and is for the signed-in patient only', async () => {
    const patient = await createSignedInUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    expect((await api(`/api/v1/users/me/export?format=csv&from=${DAY}&to=${DAY}`)).status).toBe(401);
    expect((await api(`/api/v1/users/me/export?format=csv&from=${DAY}&to=${DAY}`, { cookie: doctor.cookie })).status).toBe(403);
    const bad = await api<{ error: { details: { field: string }[] } }>(`/api/v1/users/me/export?format=xml&from=${DAY}&to=2026-02-30`, { cookie: patient.cookie });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d) => d.field).sort()).toEqual(['format', 'to']);
    const reversed = await api<{ error: { details: { field: string }[] } }>(`/api/v1/users/me/export?format=csv&from=${DAY}&to=2026-10-01`, { cookie: patient.cookie });
    expect(reversed.status).toBe(422);
    const unknownType = await api<{ error: { details: { field: string }[] } }>(`/api/v1/users/me/export?format=csv&types=STEPS,NOPE&from=${DAY}&to=${DAY}`, { cookie: patient.cookie });
    expect(unknownType.status).toBe(422);
    // Nobody else's data: a fresh patient's export is just the header.
    const empty = await download(patient.cookie, `format=csv&from=2026-01-01&to=2026-11-30`);
    expect(empty.text).toBe('type,start,end,value,unit,category,source\r\n');
  });

  it.each([
    ['a from in year 9999 (the CSV broke off after its header)', 'from=9999-12-01&to=9999-12-31', ['from', 'to']],
    ['a from in year 0000', 'from=0000-12-01&to=0000-12-31', ['from', 'to']],
    ['a from before 1900', `from=1899-12-31&to=${DAY}`, ['from']],
  ])('answers 422 naming the parameter for %s', async (_name, range, fields) => {
    const patient = await createSignedInUser();
    for (const kind of ['samples', 'daily']) {
      const res = await api<{ error: { details: { field: string }[] } }>(`/api/v1/users/me/export?format=csv&kind=${kind}&${range}`, { cookie: patient.cookie });
      expect(res.status).toBe(422);
      expect(res.body.error.details.map((d) => d.field).sort()).toEqual(fields);
    }
  });

  it('aborts the download when it fails after the headers were sent, so no client takes a truncated file for a whole one', async () => {
    const patient = await createSignedInUser();
    const device = await createDevice(patient.id, 'watch', 'Watch');
    // A device name that cannot be decrypted: the export fails after the CSV header row went out.
    // (Put back afterwards: other tests list every device of the shared database.)
    const original = await prisma.device.findUniqueOrThrow({ where: { id: device.id }, select: { name: true } });
    await prisma.device.update({ where: { id: device.id }, data: { name: 'not-a-ciphertext' } });
    onTestFinished(async () => {
      await prisma.device.update({ where: { id: device.id }, data: { name: original.name } });
    });
    const path = `/api/v1/users/me/export?format=csv&from=${DAY}&to=${DAY}`;

    const raw = await new Promise<{ status: number; body: string; complete: boolean }>((resolve, reject) => {
      const req = http.get(`${baseUrl()}${path}`, { headers: { cookie: patient.cookie } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('error', () => undefined); // the abort; `complete` below says whether the message ended properly
        res.on('close', () => resolve({ status: res.statusCode ?? 0, body, complete: res.complete }));
      });
      req.on('error', reject);
    });
    expect(raw.status).toBe(200);
    expect(raw.body).toBe('type,start,end,value,unit,category,source\r\n');
    expect(raw.complete).toBe(false); // no terminating chunk: the transfer was cut, not finished

    const res = await fetch(`${baseUrl()}${path}`, { headers: { cookie: patient.cookie } });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });
});
