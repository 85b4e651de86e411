// Imports over HTTP against the real server and database: upload → 202 → the background import's
// progress → samples stored under a device per source; importing the same file twice adds nothing; a
// resumed import (after a crash) duplicates nothing; errors name the field; other people's imports are
// not found.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { runImport } from '@/lib/imports/run';
import { createSignedInUser, waitFor } from '@/test/factories';
import { api, baseUrl } from '@/test/http';
import { buildZip, zipBombXml } from '@/test/zip';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../lib/interop/fixtures');

type ImportStatus = { status: string; error: string | null; progress: number; accepted: number; duplicates: number; rejectedCount: number; rejected: { index?: number; reason: string }[] };

async function upload(cookie: string, file: { name: string; content: string | Buffer; type?: string }, format?: string) {
  const form = new FormData();
  form.append('file', new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
  if (format) form.append('format', format);
  const res = await fetch(`${baseUrl()}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie } });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; details?: { field: string; reason: string }[] } } };
}

async function finished(cookie: string, id: string): Promise<ImportStatus> {
  return waitFor(
    async () => {
      const res = await api<ImportStatus>(`/api/v1/imports/${id}`, { cookie });
      return res.body.status === 'done' || res.body.status === 'failed' ? res.body : null;
    },
    `import ${id} to finish`,
    90_000,
  );
}

// A small Apple Health export: the internal DTD real exports carry, two sources (a Watch and the
// iPhone), steps with sync identifiers, a blood-pressure correlation, sleep stages, and a record type we
// do not support.
const APPLE_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="en_US">
 <ExportDate value="2026-11-01 09:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth=""/>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Alex’s Apple Watch" sourceVersion="10.1" device="&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:10.1&gt;" unit="count" creationDate="2026-10-30 09:10:00 +0100" startDate="2026-10-30 09:00:00 +0100" endDate="2026-10-30 09:10:00 +0100" value="812">
  <MetadataEntry key="HKMetadataKeySyncIdentifier" value="watch-steps-1"/>
  <MetadataEntry key="HKMetadataKeySyncVersion" value="1"/>
 </Record>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Alex’s iPhone" sourceVersion="17.1" device="&lt;&lt;HKDevice: 0x2&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,2, software:17.1&gt;" unit="count" creationDate="2026-10-30 09:10:00 +0100" startDate="2026-10-30 09:00:00 +0100" endDate="2026-10-30 09:10:00 +0100" value="790"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Alex’s Apple Watch" device="&lt;&lt;HKDevice: 0x3&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:10.1&gt;" unit="count/min" creationDate="2026-10-30 09:05:00 +0100" startDate="2026-10-30 09:05:00 +0100" endDate="2026-10-30 09:05:00 +0100" value="72"/>
 <Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="Alex’s iPhone" device="&lt;&lt;HKDevice: 0x5&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,2, software:17.1&gt;" creationDate="2026-10-30 08:00:00 +0100" startDate="2026-10-30 08:00:00 +0100" endDate="2026-10-30 08:00:00 +0100">
  <Record type="HKQuantityTypeIdentifierBloodPressureSystolic" sourceName="Alex’s iPhone" unit="mmHg" startDate="2026-10-30 08:00:00 +0100" endDate="2026-10-30 08:00:00 +0100" value="121"/>
  <Record type="HKQuantityTypeIdentifierBloodPressureDiastolic" sourceName="Alex’s iPhone" unit="mmHg" startDate="2026-10-30 08:00:00 +0100" endDate="2026-10-30 08:00:00 +0100" value="79"/>
 </Correlation>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Alex’s Apple Watch" device="&lt;&lt;HKDevice: 0x4&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:10.1&gt;" creationDate="2026-10-30 07:00:00 +0100" startDate="2026-10-30 01:00:00 +0100" endDate="2026-10-30 02:30:00 +0100" value="HKCategoryValueSleepAnalysisAsleepCore"/>
 <Record type="HKQuantityTypeIdentifierVO2Max" sourceName="Alex’s Apple Watch" unit="mL/min·kg" creationDate="2026-10-30 07:00:00 +0100" startDate="2026-10-30 07:00:00 +0100" endDate="2026-10-30 07:00:00 +0100" value="41"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Alex’s Apple Watch" unit="count/min" creationDate="2026-10-30 09:06:00 +0100" startDate="2026-10-30 09:06:00 +0100" endDate="2026-10-30 09:06:00 +0100" value="900"/>
</HealthData>
`;

// Each import runs in the server's background and may wait up to 90 s (finished()) on a loaded machine;
// a test that waits for two of them gets room for both.
describe('POST /api/v1/imports', { timeout: 200_000 }, () => {
  it('imports an Apple Health export: a device per source with Watch above iPhone, BP from the correlation; a second import adds nothing', async () => {
    const patient = await createSignedInUser({ timeZone: 'Europe/Berlin' });
    const first = await upload(patient.cookie, { name: 'export.xml', content: APPLE_EXPORT, type: 'text/xml' });
    expect(first.status).toBe(202);
    const done = await finished(patient.cookie, first.body.id!);
    expect(done).toMatchObject({ status: 'done', progress: 1 });
    expect(done.accepted).toBeGreaterThanOrEqual(6); // 2 step, 1 HR, 2 BP, ≥ 1 sleep
    expect(done.rejectedCount).toBe(1); // a heart rate of 900 is implausible
    expect(done.rejected[0]?.reason).toMatch(/HEART_RATE/);

    const devices = await prisma.device.findMany({ where: { userId: patient.id }, orderBy: { priority: 'desc' }, select: { type: true, priority: true } });
    expect(devices).toEqual([{ type: 'watch', priority: 100 }, { type: 'phone', priority: 80 }]);
    const stored = await prisma.healthSample.findMany({ where: { userId: patient.id }, select: { type: true, value: true, clientRecordId: true } });
    expect(stored).toContainEqual({ type: 'STEPS', value: 812, clientRecordId: 'watch-steps-1' });
    expect(stored.filter((s) => s.type.startsWith('BLOOD_PRESSURE')).map((s) => s.value).sort()).toEqual([121, 79].sort());

    const again = await upload(patient.cookie, { name: 'export.xml', content: APPLE_EXPORT, type: 'text/xml' });
    const second = await finished(patient.cookie, again.body.id!);
    expect(second).toMatchObject({ status: 'done', accepted: 0 });
    expect(second.duplicates).toBe(done.accepted);
    expect(await prisma.healthSample.count({ where: { userId: patient.id } })).toBe(stored.length);
    expect(await prisma.device.count({ where: { userId: patient.id } })).toBe(2);

    // The steps of the day aggregate once, from the Watch (higher priority), not 812 + 790.
    const day = await waitFor(async () => (await prisma.healthAggregate.findFirst({ where: { userId: patient.id, type: 'STEPS', period: 'DAY' } })) ?? null, 'step aggregate');
    expect(day.value).toBe(812);
  });

  it('resumes after a crash from the last committed chunk without duplicating anything', async () => {
    const patient = await createSignedInUser();
    const res = await upload(patient.cookie, { name: 'export.xml', content: APPLE_EXPORT, type: 'text/xml' });
    const done = await finished(patient.cookie, res.body.id!);
    const count = await prisma.healthSample.count({ where: { userId: patient.id } });
    // As if the process died after the first records were committed but before the import finished.
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir('.data/imports', { recursive: true });
    const file = `.data/imports/resume-${res.body.id}`;
    await writeFile(file, APPLE_EXPORT);
    await prisma.import.update({ where: { id: res.body.id }, data: { status: 'RUNNING', filePath: file, recordsDone: 3, finishedAt: null } });
    await runImport(res.body.id!);
    const after = await prisma.import.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(after.status).toBe('DONE');
    expect(await prisma.healthSample.count({ where: { userId: patient.id } })).toBe(count);
    expect(after.accepted).toBe(done.accepted);
  });

  it('imports a FHIR Bundle (cancelled skipped with that reason, unsupported codes rejected) and Open mHealth data points', async () => {
    const patient = await createSignedInUser();
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: await Promise.all(
        ['observation-example-heart-rate.json', 'observation-example-bloodpressure.json', 'observation-example-eye-color.json'].map(async (f) => ({
          resource: JSON.parse(await readFile(path.join(FIXTURES, 'fhir-r4', f), 'utf8')),
        })),
      ),
    };
    bundle.entry.push({ resource: { ...bundle.entry[0]!.resource, id: 'cancelled-one', status: 'cancelled' } });
    const fhir = await upload(patient.cookie, { name: 'bundle.json', content: JSON.stringify(bundle), type: 'application/json' });
    expect(fhir.status).toBe(202);
    const done = await finished(patient.cookie, fhir.body.id!);
    expect(done.status).toBe('done');
    expect(done.accepted).toBe(3); // heart rate + systolic + diastolic
    const reasons = done.rejected.map((r) => r.reason).join(' | ');
    expect(reasons).toMatch(/skipped: .*cancelled/);
    expect(done.rejectedCount).toBe(2);

    const omhFile = path.join(FIXTURES, 'openmhealth', 'heart-rate', '2.0', 'shouldPass', 'with-temporal-relationship-to-sleep.json');
    const omh = await upload(patient.cookie, { name: 'hr.json', content: await readFile(omhFile), type: 'application/json' }, 'openmhealth');
    expect(omh.status).toBe(202);
    expect(await finished(patient.cookie, omh.body.id!)).toMatchObject({ status: 'done', accepted: 1 });
  });

  it('refuses what it cannot import, naming the field, and stores nothing', async () => {
    const patient = await createSignedInUser();
    const before = await prisma.import.count({ where: { userId: patient.id } });
    const unknownFile = await upload(patient.cookie, { name: 'notes.txt', content: 'just some text' });
    expect(unknownFile.status).toBe(422);
    expect(unknownFile.body.error?.details?.[0]?.field).toBe('file');
    const badFormat = await upload(patient.cookie, { name: 'a.json', content: '{}' }, 'csv');
    expect(badFormat.status).toBe(422);
    expect(badFormat.body.error?.details?.[0]?.field).toBe('format');
    const form = new FormData();
    form.append('format', 'fhir');
    const noFile = await fetch(`${baseUrl()}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie: patient.cookie } });
    expect(noFile.status).toBe(422);
    const json = await api('/api/v1/imports', { cookie: patient.cookie, json: { file: 'x' } });
    expect(json.status).toBe(415);
    const crossSite = new FormData();
    crossSite.append('file', new Blob(['{"resourceType":"Observation"}']), 'o.json');
    const forged = await fetch(`${baseUrl()}/api/v1/imports`, { method: 'POST', body: crossSite, headers: { cookie: patient.cookie, origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect(await prisma.import.count({ where: { userId: patient.id } })).toBe(before);

    const broken = await upload(patient.cookie, { name: 'b.json', content: '{"resourceType": "Bundle", ' }, 'fhir');
    expect(await finished(patient.cookie, broken.body.id!)).toMatchObject({ status: 'failed' });
  });

  it('answers 400 with a message to a multipart body without a boundary or not well-formed, and stores nothing', async () => {
    const patient = await createSignedInUser();
    const post = (contentType: string, body: string) =>
      fetch(`${baseUrl()}/api/v1/imports`, { method: 'POST', body, headers: { cookie: patient.cookie, 'content-type': contentType } });
    for (const [contentType, body] of [
      ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{}\r\n--x--\r\n'],
      ['multipart/form-data; boundary=', 'x'],
      ['multipart/form-data; boundary=x', 'not multipart at all'],
    ]) {
      const res = await post(contentType!, body!);
      expect(res.status, contentType).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('BAD_REQUEST');
      expect(json.error.message).toMatch(/boundary|multipart/);
    }
    expect(await prisma.import.count({ where: { userId: patient.id } })).toBe(0);
  });

  it('fails a zip bomb with the reason on the import, storing nothing', async () => {
    const patient = await createSignedInUser();
    const bomb = buildZip([{ name: 'apple_health_export/export.xml', data: zipBombXml(20 * 1024 * 1024) }]);
    const res = await upload(patient.cookie, { name: 'export.zip', content: bomb, type: 'application/zip' });
    expect(res.status).toBe(202);
    const done = await finished(patient.cookie, res.body.id!);
    expect(done).toMatchObject({ status: 'failed', accepted: 0 });
    expect(done.error).toMatch(/zip bomb/);
    expect(await prisma.healthSample.count({ where: { userId: patient.id } })).toBe(0);
  });

  it('is for signed-in patients, each seeing only their own imports', async () => {
    const owner = await createSignedInUser();
    const other = await createSignedInUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const res = await upload(owner.cookie, { name: 'export.xml', content: APPLE_EXPORT });
    expect((await api(`/api/v1/imports/${res.body.id}`)).status).toBe(401);
    expect((await api(`/api/v1/imports/${res.body.id}`, { cookie: other.cookie })).status).toBe(404);
    expect((await api(`/api/v1/imports/${res.body.id}`, { cookie: doctor.cookie })).status).toBe(403);
    expect((await api('/api/v1/imports/not-a-uuid', { cookie: owner.cookie })).status).toBe(404);
    expect((await upload(doctor.cookie, { name: 'export.xml', content: APPLE_EXPORT })).status).toBe(403);
    const list = await api<{ imports: { id: string }[] }>('/api/v1/imports', { cookie: other.cookie });
    expect(list.body.imports).toEqual([]);
    await finished(owner.cookie, res.body.id!);
  });
});
