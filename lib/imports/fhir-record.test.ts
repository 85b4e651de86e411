// A FHIR patient record with its conditions, allergies and prescriptions (fixtures/record/record-bundle.json
// and the Synthea-shaped Bundle) imported through the import machinery (runImport in-process, the real
// PostgreSQL): each lands in its table once, text encrypted at rest, prescriptions as medications with a
// version-1 row; a second import adds nothing; the patient's FHIR export carries them back.
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { decryptField } from '@/lib/crypto/fields';
import { prisma } from '@/lib/db/client';
import { createImport, findImport } from '@/lib/data/imports';
import { listAllergies } from '@/lib/data/allergies';
import { listConditions } from '@/lib/data/conditions';
import { medicationSnapshotRef } from '@/lib/data/record-import';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';
import { runImport } from './run';

const FIXTURES = path.join(import.meta.dirname, '../interop/fixtures');
const LIMITS = { maxUncompressedBytes: 8 * 1024 ** 3, maxRatio: 100 };

async function importFile(userId: string, fixture: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fhir-record-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'bundle.json');
  await copyFile(path.join(FIXTURES, fixture), file);
  const { id } = await createImport({ userId, format: 'FHIR', filePath: file, bytesTotal: (await stat(file)).size });
  await runImport(id, LIMITS);
  return findImport(userId, id);
}

const counts = (userId: string) =>
  Promise.all([prisma.condition.count({ where: { userId } }), prisma.allergy.count({ where: { userId } }), prisma.medication.count({ where: { userId } }), prisma.medicationVersion.count({ where: { medication: { userId } } })]);

describe('FHIR record import', () => {
  it('keeps conditions, allergies and prescriptions once; a second import adds nothing; the export carries them', async () => {
    const user = await createSignedInUser({ timeZone: 'Europe/Amsterdam' });
    const first = await importFile(user.id, 'record/record-bundle.json');
    expect(first).toMatchObject({ status: 'done', accepted: 7, duplicates: 0 });
    expect(await counts(user.id)).toEqual([2, 2, 3, 3]);

    const conditions = await listConditions(user.id);
    expect(conditions.map((c) => [c.display, c.code, c.clinicalStatus, c.source])).toEqual([['Type 1 diabetes', 'E10.9', 'ACTIVE', 'fhir'], ['Fever', '386661006', 'RESOLVED', 'fhir']]);
    const allergies = await listAllergies(user.id);
    expect(allergies.map((a) => [a.substance, a.severity, a.dangerous])).toEqual([['Cashew nuts', 'SEVERE', true], ['Penicillin G', null, true]]);
    const raw = await prisma.allergy.findFirstOrThrow({ where: { userId: user.id, code: '227493005' } });
    expect(raw.substance).not.toContain('Cashew');
    expect(raw.reaction).not.toContain('Anaphylactic');

    const insulin = await prisma.medication.findFirstOrThrow({ where: { userId: user.id, code: '1719286' }, include: { versions: true } });
    expect(insulin).toMatchObject({ name: 'Insulin glargine 300 units/mL pen', codeSystem: 'RXNORM', dosage: '18 units subcutaneously every evening', schedule: { kind: 'daily', times: ['21:00'] }, source: 'fhir', createdById: user.id, stoppedAt: null, version: 1 });
    expect(insulin.startedOn.toISOString().slice(0, 10)).toBe('2015-01-15');
    expect(insulin.versions).toHaveLength(1);
    const [v1] = insulin.versions;
    expect(v1).toMatchObject({ version: 1, change: 'CREATED', changedById: user.id });
    expect(v1!.snapshot).not.toContain('Insulin');
    expect(JSON.parse(await decryptField(user.id, medicationSnapshotRef(v1!.id), v1!.snapshot))).toMatchObject({ name: 'Insulin glargine 300 units/mL pen', schedule: { kind: 'daily', times: ['21:00'] }, startedOn: '2015-01-15' });

    const again = await importFile(user.id, 'record/record-bundle.json');
    expect(again).toMatchObject({ status: 'done', accepted: 0, duplicates: 7 });
    expect(await counts(user.id)).toEqual([2, 2, 3, 3]);

    // The FHIR export carries the record (the whole record, whatever the period asked for).
    const exported = await api('/api/v1/users/me/export?format=fhir&types=STEPS&from=2026-01-01&to=2026-01-31', { cookie: user.cookie });
    expect(exported.status).toBe(200);
    const bundle = typeof exported.body === 'string' ? JSON.parse(exported.body) : exported.body;
    const types = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType).sort();
    expect(types).toEqual(['AllergyIntolerance', 'AllergyIntolerance', 'Condition', 'Condition', 'MedicationRequest', 'MedicationRequest', 'MedicationRequest']);

    // Imported into another account, the export arrives whole, and once.
    const other = await createSignedInUser({ timeZone: 'UTC' });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fhir-record-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const { writeFile } = await import('node:fs/promises');
    const file = path.join(dir, 'export.json');
    await writeFile(file, JSON.stringify(bundle));
    for (const expected of [{ accepted: 7, duplicates: 0 }, { accepted: 0, duplicates: 7 }]) {
      await writeFile(file, JSON.stringify(bundle));
      const { id } = await createImport({ userId: other.id, format: 'FHIR', filePath: file, bytesTotal: (await stat(file)).size });
      await runImport(id, LIMITS);
      expect(await findImport(other.id, id)).toMatchObject({ status: 'done', ...expected });
    }
    expect(await counts(other.id)).toEqual([2, 2, 3, 3]);
    expect((await listConditions(other.id)).map((c) => [c.display, c.codeSystem, c.code, c.onsetDate, c.clinicalStatus, c.note]))
      .toEqual(conditions.map((c) => [c.display, c.codeSystem, c.code, c.onsetDate, c.clinicalStatus, c.note]));
    expect((await listAllergies(other.id)).map((a) => [a.substance, a.code, a.severity, a.criticality, a.clinicalStatus]))
      .toEqual(allergies.map((a) => [a.substance, a.code, a.severity, a.criticality, a.clinicalStatus]));
  }, 120_000);
});
