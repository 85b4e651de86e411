// A patient's conditions (conditions, issue 19): a diagnosis in words with an optional ICD-10 or SNOMED CT
// code, its onset day and FHIR clinical status, and a note. Entered by the patient or a linked doctor, or
// imported from a FHIR Condition (once per source id). The name and the note are encrypted.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { prisma } from '../db/client';
import type { ImportedCondition } from '../interop/fhir-record';
import { ConditionStatus } from '../generated/prisma/enums';
import { day } from '../http/dates';
import { dateOf, dayOf, fail, openText, optionalText, sealText, text, upperEnum } from './record-fields';

const STATUSES = Object.values(ConditionStatus) as [ConditionStatus, ...ConditionStatus[]];
// ICD-10 (WHO and -CM): a letter, two characters, then up to four after a dot (E10.9, I10, E11.65).
const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const SNOMED = /^\d{6,18}$/;
const ACTIVE_FIRST: ConditionStatus[] = ['ACTIVE', 'RECURRENCE', 'RELAPSE', 'REMISSION', 'INACTIVE', 'RESOLVED'];

const fields = {
  display: text(200),
  codeSystem: z.enum(['ICD10', 'SNOMED'], { error: 'must be ICD10 or SNOMED' }).nullable().optional(),
  code: z.string({ error: 'must be text' }).trim().toUpperCase().max(20, 'must be at most 20 characters').nullable().optional(),
  onsetDate: day.nullable().optional(),
  clinicalStatus: upperEnum(STATUSES).optional(),
  note: optionalText(2000),
};
export const conditionInput = z.object(fields).strict();
export const conditionPatch = z.object(fields).partial().strict();
export type ConditionInput = z.output<typeof conditionInput>;
export type ConditionPatch = z.output<typeof conditionPatch>;

export type ConditionAnswer = {
  id: string; display: string; codeSystem: string | null; code: string | null; onsetDate: string | null; clinicalStatus: ConditionStatus;
  note: string | null; source: string; recordedById: string | null; createdAt: string; updatedAt: string;
};

type Coded = { codeSystem?: string | null; code?: string | null; onsetDate?: string | null };

/** A code needs its system and the system's shape; an onset is not in the future. */
function checkCoded(c: Coded, nowMs: number): void {
  if (c.code && !c.codeSystem) fail('codeSystem', 'is required with a code (ICD10 or SNOMED)');
  if (c.codeSystem && !c.code) fail('code', `is required with codeSystem ${c.codeSystem}`);
  if (c.code && c.codeSystem === 'ICD10' && !ICD10.test(c.code)) fail('code', 'must be an ICD-10 code, e.g. E11.9');
  if (c.code && c.codeSystem === 'SNOMED' && !SNOMED.test(c.code)) fail('code', 'must be a SNOMED CT concept id (6 to 18 digits)');
  if (c.onsetDate && c.onsetDate > new Date(nowMs).toISOString().slice(0, 10)) fail('onsetDate', 'must not be in the future');
}

type Row = Awaited<ReturnType<typeof prisma.condition.findMany>>[number];

async function answer(r: Row): Promise<ConditionAnswer> {
  return {
    id: r.id, display: (await openText(r.userId, 'conditions', 'display', r.id, r.display))!, codeSystem: r.codeSystem, code: r.code,
    onsetDate: dayOf(r.onsetDate), clinicalStatus: r.clinicalStatus, note: await openText(r.userId, 'conditions', 'note', r.id, r.note),
    source: r.source, recordedById: r.recordedById, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** Active ones first, then by onset (newest first). */
export async function listConditions(patientId: string): Promise<ConditionAnswer[]> {
  const rows = await prisma.condition.findMany({ where: { userId: patientId }, orderBy: [{ onsetDate: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }] });
  const sorted = rows.sort((a, b) => ACTIVE_FIRST.indexOf(a.clinicalStatus) - ACTIVE_FIRST.indexOf(b.clinicalStatus));
  return Promise.all(sorted.map(answer));
}

export async function createCondition(patientId: string, recorderId: string, input: ConditionInput, nowMs = Date.now()): Promise<ConditionAnswer> {
  checkCoded(input, nowMs);
  const id = randomUUID();
  const row = await prisma.condition.create({
    data: {
      id, userId: patientId, display: (await sealText(patientId, 'conditions', 'display', id, input.display))!, codeSystem: input.codeSystem ?? null,
      code: input.code ?? null, onsetDate: dateOf(input.onsetDate) ?? null, clinicalStatus: input.clinicalStatus ?? 'ACTIVE',
      note: await sealText(patientId, 'conditions', 'note', id, input.note ?? null), source: 'app', recordedById: recorderId,
    },
  });
  return answer(row);
}

/** Changes the given fields of one of the patient's conditions; null when there is no such condition. */
export async function updateCondition(patientId: string, id: string, recorderId: string, patch: ConditionPatch, nowMs = Date.now()): Promise<ConditionAnswer | null> {
  const current = await prisma.condition.findFirst({ where: { id, userId: patientId } });
  if (!current) return null;
  checkCoded({ codeSystem: current.codeSystem, code: current.code, ...patch, onsetDate: patch.onsetDate }, nowMs);
  const row = await prisma.condition.update({
    where: { id },
    data: {
      ...(patch.display !== undefined ? { display: (await sealText(patientId, 'conditions', 'display', id, patch.display))! } : {}),
      ...(patch.codeSystem !== undefined ? { codeSystem: patch.codeSystem } : {}),
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.onsetDate !== undefined ? { onsetDate: dateOf(patch.onsetDate) } : {}),
      ...(patch.clinicalStatus !== undefined ? { clinicalStatus: patch.clinicalStatus } : {}),
      ...(patch.note !== undefined ? { note: await sealText(patientId, 'conditions', 'note', id, patch.note) } : {}),
      recordedById: recorderId, updatedAt: new Date(nowMs),
    },
  });
  return answer(row);
}

export async function deleteCondition(patientId: string, id: string): Promise<boolean> {
  return (await prisma.condition.deleteMany({ where: { id, userId: patientId } })).count > 0;
}


/** A FHIR import's conditions: one row per source id, so a re-import adds nothing. */
export async function storeImportedConditions(userId: string, items: readonly ImportedCondition[]): Promise<{ accepted: number; duplicates: number }> {
  if (items.length === 0) return { accepted: 0, duplicates: 0 };
  const data = await Promise.all(items.map(async (c) => {
    const id = randomUUID();
    return {
      id, userId, display: (await sealText(userId, 'conditions', 'display', id, c.display.slice(0, 200)))!, codeSystem: c.codeSystem, code: c.code,
      onsetDate: dateOf(c.onsetDate) ?? null, clinicalStatus: c.clinicalStatus, note: await sealText(userId, 'conditions', 'note', id, c.note), source: 'fhir', sourceId: c.sourceId,
    };
  }));
  const { count } = await prisma.condition.createMany({ data, skipDuplicates: true });
  return { accepted: count, duplicates: items.length - count };
}
