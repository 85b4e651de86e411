// Stores a FHIR import's record items (lib/interop/fhir-record.ts): conditions and allergies in their
// tables, prescriptions (MedicationRequest / MedicationStatement) as medications with their first
// version. Each item is kept once per (patient, source id): a re-import counts it as a duplicate and
// changes nothing. The imported medication is created by the importing patient (created_by_id); its
// version-1 snapshot (encrypted JSON) has the shape of every other version (lib/data/medications.ts).
import { randomUUID } from 'node:crypto';
import { encryptField } from '../crypto/fields';
import { prisma } from '../db/client';
import type { ImportedMedication, RecordItem } from '../interop/fhir-record';
import { storeImportedAllergies } from './allergies';
import { storeImportedConditions } from './conditions';
import { snapshotOfRow } from './medications';

type Counts = { accepted: number; duplicates: number };

export const medicationSnapshotRef = (versionId: string) => ({ table: 'medication_versions', column: 'snapshot', rowId: versionId });

async function storeImportedMedications(userId: string, items: readonly ImportedMedication[], nowMs: number): Promise<Counts> {
  if (items.length === 0) return { accepted: 0, duplicates: 0 };
  const now = new Date(nowMs);
  const rows = items.map((m) => ({
    id: randomUUID(), userId, name: m.name, codeSystem: m.codeSystem, code: m.code, dosage: m.dosage, schedule: m.schedule,
    startedOn: new Date(`${m.startedOn}T00:00:00Z`), endedOn: m.endedOn ? new Date(`${m.endedOn}T00:00:00Z`) : null,
    createdById: userId, source: 'fhir', sourceId: m.sourceId, version: 1,
    // A stopped or completed prescription arrives stopped (as of its end, else of the import).
    ...(m.stopped ? { stoppedAt: m.endedOn ? new Date(`${m.endedOn}T00:00:00Z`) : now, stoppedById: userId } : {}),
  }));
  return prisma.$transaction(async (tx) => {
    const created = await tx.medication.createManyAndReturn({ data: rows, skipDuplicates: true });
    const versions = await Promise.all(created.map(async (m) => {
      const id = randomUUID();
      const snapshot = await snapshotOfRow(m); // the shape every version has, whoever wrote it
      return { id, medicationId: m.id, version: 1, change: 'CREATED', snapshot: await encryptField(userId, medicationSnapshotRef(id), JSON.stringify(snapshot)), changedById: userId, changedAt: now };
    }));
    if (versions.length > 0) await tx.medicationVersion.createMany({ data: versions });
    return { accepted: created.length, duplicates: items.length - created.length };
  });
}

/** Stores what a FHIR import found of the record; accepted = new rows, duplicates = already there. */
export async function storeImportedRecord(userId: string, items: readonly RecordItem[], nowMs = Date.now()): Promise<Counts> {
  const pick = <K extends RecordItem['kind']>(kind: K) => items.filter((i): i is Extract<RecordItem, { kind: K }> => i.kind === kind);
  const parts = [
    await storeImportedConditions(userId, pick('condition').map((i) => i.condition)),
    await storeImportedAllergies(userId, pick('allergy').map((i) => i.allergy)),
    await storeImportedMedications(userId, pick('medication').map((i) => i.medication), nowMs),
  ];
  return { accepted: parts.reduce((n, p) => n + p.accepted, 0), duplicates: parts.reduce((n, p) => n + p.duplicates, 0) };
}
