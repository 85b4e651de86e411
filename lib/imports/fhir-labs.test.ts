// A FHIR patient record (the Synthea-shaped Bundle of lib/interop/fixtures/synthea) imported through the
// import machinery (runImport in-process, the real PostgreSQL): every quantitative Observation is stored,
// as a health sample or a lab result, and counted as accepted (its conditions and prescriptions too); the refused ones are named; a re-import
// changes nothing.
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createImport, findImport } from '@/lib/data/imports';
import { createUser } from '@/test/factories';
import { runImport } from './run';

const FIXTURE = path.join(import.meta.dirname, '../interop/fixtures/synthea/diabetes-patient-bundle.json');
const LIMITS = { maxUncompressedBytes: 8 * 1024 ** 3, maxRatio: 100 };

async function importBundle(userId: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fhir-import-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'bundle.json');
  await copyFile(FIXTURE, file);
  const { id } = await createImport({ userId, format: 'FHIR', filePath: file, bytesTotal: (await stat(file)).size });
  await runImport(id, LIMITS);
  return findImport(userId, id);
}

describe('FHIR record import', () => {
  it('stores every quantitative Observation (samples and lab results), counts them all as accepted; a re-import adds nothing', async () => {
    const user = await createUser({ timeZone: 'Europe/Berlin' });
    const first = await importBundle(user.id);
    const samples = await prisma.healthSample.count({ where: { userId: user.id } });
    const labs = await prisma.labResult.findMany({ where: { userId: user.id } });
    expect(samples).toBe(24);
    expect(labs).toHaveLength(87);
    // Its 3 Conditions and 3 MedicationRequests are kept in the record (lib/imports/fhir-record.test.ts).
    expect(await prisma.condition.count({ where: { userId: user.id } }) + (await prisma.medication.count({ where: { userId: user.id } }))).toBe(6);
    // 8 refused, and the 16 resources neither Observations nor the record (Patient, Encounters, reports) listed as skipped.
    expect(first).toMatchObject({ status: 'done', accepted: samples + labs.length + 6, rejectedCount: 24 });
    expect(first.rejected.filter((r) => !r.reason.startsWith('skipped:'))).toHaveLength(8);
    expect(first.rejected.map((r) => r.reason)).toContain('the Observation: LOINC 14959-1 has no value (dataAbsentReason "Not performed")');

    // Known labs land in their canonical unit with their source; the others as written.
    const a1c = labs.filter((l) => l.loincCode === '4548-4').sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
    expect(a1c.map((l) => [l.value, l.unit, l.source, l.effectiveAt.toISOString()])).toEqual([
      [7.9, '%', 'fhir', '2024-02-12T09:10:00.000Z'], [7.4, '%', 'fhir', '2024-08-19T09:25:00.000Z'], [6.9, '%', 'fhir', '2025-03-03T08:55:00.000Z'],
    ]);
    expect(a1c.every((l) => l.importId !== null && l.sourceId?.startsWith('fhir:'))).toBe(true);

    const again = await importBundle(user.id);
    expect(again).toMatchObject({ status: 'done', accepted: 0, duplicates: samples + labs.length + 6, rejectedCount: 24 });
    expect(await prisma.labResult.count({ where: { userId: user.id } })).toBe(87);
    expect(await prisma.healthSample.count({ where: { userId: user.id } })).toBe(24);
  });
});
