// A patient's allergies and intolerances (allergies, issue 19): the substance in words with an optional
// RxNorm or SNOMED CT code, the reaction, its severity (mild, moderate, severe), the FHIR criticality (the
// potential for a serious reaction next time) and status. Entered by the patient or a linked doctor, or
// imported from a FHIR AllergyIntolerance (once per source id). Substance and reaction are encrypted.
// Listed dangerous first: a severe reaction or high criticality leads, so it is never scrolled past.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { prisma } from '../db/client';
import type { ImportedAllergy } from '../interop/fhir-record';
import { AllergyCriticality, AllergySeverity, AllergyStatus } from '../generated/prisma/enums';
import { fail, openText, optionalText, sealText, text, upperEnum } from './record-fields';

const values = <T extends string>(o: Record<string, T>) => Object.values(o) as [T, ...T[]];
const RXNORM = /^\d{1,10}$/;
const SNOMED = /^\d{6,18}$/;

const fields = {
  substance: text(200),
  codeSystem: z.enum(['RXNORM', 'SNOMED'], { error: 'must be RXNORM or SNOMED' }).nullable().optional(),
  code: z.string({ error: 'must be text' }).trim().max(20, 'must be at most 20 characters').nullable().optional(),
  reaction: optionalText(500),
  severity: upperEnum(values(AllergySeverity)).nullable().optional(),
  criticality: upperEnum(values(AllergyCriticality)).nullable().optional(),
  clinicalStatus: upperEnum(values(AllergyStatus)).optional(),
};
export const allergyInput = z.object(fields).strict();
export const allergyPatch = z.object(fields).partial().strict();
export type AllergyInput = z.output<typeof allergyInput>;
export type AllergyPatch = z.output<typeof allergyPatch>;

export type AllergyAnswer = {
  id: string; substance: string; codeSystem: string | null; code: string | null; reaction: string | null; severity: AllergySeverity | null;
  criticality: AllergyCriticality | null; clinicalStatus: AllergyStatus; /** Severe or high criticality: shown first and marked. */ dangerous: boolean;
  source: string; recordedById: string | null; createdAt: string; updatedAt: string;
};

function checkCoded(c: { codeSystem?: string | null; code?: string | null }): void {
  if (c.code && !c.codeSystem) fail('codeSystem', 'is required with a code (RXNORM or SNOMED)');
  if (c.codeSystem && !c.code) fail('code', `is required with codeSystem ${c.codeSystem}`);
  if (c.code && c.codeSystem === 'RXNORM' && !RXNORM.test(c.code)) fail('code', 'must be an RxNorm concept id (digits)');
  if (c.code && c.codeSystem === 'SNOMED' && !SNOMED.test(c.code)) fail('code', 'must be a SNOMED CT concept id (6 to 18 digits)');
}

type Row = Awaited<ReturnType<typeof prisma.allergy.findMany>>[number];

export const isDangerous = (a: { severity: AllergySeverity | null; criticality: AllergyCriticality | null }) => a.severity === 'SEVERE' || a.criticality === 'HIGH';

async function answer(r: Row): Promise<AllergyAnswer> {
  return {
    id: r.id, substance: (await openText(r.userId, 'allergies', 'substance', r.id, r.substance))!, codeSystem: r.codeSystem, code: r.code,
    reaction: await openText(r.userId, 'allergies', 'reaction', r.id, r.reaction), severity: r.severity, criticality: r.criticality,
    clinicalStatus: r.clinicalStatus, dangerous: isDangerous(r), source: r.source, recordedById: r.recordedById,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

const SEVERITY_RANK: Record<string, number> = { SEVERE: 0, MODERATE: 1, MILD: 2 };
/** Active before inactive; within, dangerous (severe or high criticality) first, then by severity. */
function rank(a: AllergyAnswer): number {
  return (a.clinicalStatus === 'ACTIVE' ? 0 : 100) + (a.dangerous ? 0 : 10) + (a.severity ? SEVERITY_RANK[a.severity]! : 3);
}

export async function listAllergies(patientId: string): Promise<AllergyAnswer[]> {
  const rows = await prisma.allergy.findMany({ where: { userId: patientId }, orderBy: { createdAt: 'desc' } });
  return (await Promise.all(rows.map(answer))).sort((a, b) => rank(a) - rank(b));
}

export async function createAllergy(patientId: string, recorderId: string, input: AllergyInput): Promise<AllergyAnswer> {
  checkCoded(input);
  const id = randomUUID();
  const row = await prisma.allergy.create({
    data: {
      id, userId: patientId, substance: (await sealText(patientId, 'allergies', 'substance', id, input.substance))!, codeSystem: input.codeSystem ?? null,
      code: input.code ?? null, reaction: await sealText(patientId, 'allergies', 'reaction', id, input.reaction ?? null), severity: input.severity ?? null,
      criticality: input.criticality ?? null, clinicalStatus: input.clinicalStatus ?? 'ACTIVE', source: 'app', recordedById: recorderId,
    },
  });
  return answer(row);
}

export async function updateAllergy(patientId: string, id: string, recorderId: string, patch: AllergyPatch, nowMs = Date.now()): Promise<AllergyAnswer | null> {
  const current = await prisma.allergy.findFirst({ where: { id, userId: patientId } });
  if (!current) return null;
  checkCoded({ codeSystem: current.codeSystem, code: current.code, ...patch });
  const row = await prisma.allergy.update({
    where: { id },
    data: {
      ...(patch.substance !== undefined ? { substance: (await sealText(patientId, 'allergies', 'substance', id, patch.substance))! } : {}),
      ...(patch.codeSystem !== undefined ? { codeSystem: patch.codeSystem } : {}),
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.reaction !== undefined ? { reaction: await sealText(patientId, 'allergies', 'reaction', id, patch.reaction) } : {}),
      ...(patch.severity !== undefined ? { severity: patch.severity } : {}),
      ...(patch.criticality !== undefined ? { criticality: patch.criticality } : {}),
      ...(patch.clinicalStatus !== undefined ? { clinicalStatus: patch.clinicalStatus } : {}),
      recordedById: recorderId, updatedAt: new Date(nowMs),
    },
  });
  return answer(row);
}

export async function deleteAllergy(patientId: string, id: string): Promise<boolean> {
  return (await prisma.allergy.deleteMany({ where: { id, userId: patientId } })).count > 0;
}


/** A FHIR import's allergies: one row per source id, so a re-import adds nothing. */
export async function storeImportedAllergies(userId: string, items: readonly ImportedAllergy[]): Promise<{ accepted: number; duplicates: number }> {
  if (items.length === 0) return { accepted: 0, duplicates: 0 };
  const data = await Promise.all(items.map(async (a) => {
    const id = randomUUID();
    return {
      id, userId, substance: (await sealText(userId, 'allergies', 'substance', id, a.substance.slice(0, 200)))!, codeSystem: a.codeSystem, code: a.code,
      reaction: await sealText(userId, 'allergies', 'reaction', id, a.reaction?.slice(0, 500) ?? null), severity: a.severity, criticality: a.criticality,
      clinicalStatus: a.clinicalStatus, source: 'fhir', sourceId: a.sourceId,
    };
  }));
  const { count } = await prisma.allergy.createMany({ data, skipDuplicates: true });
  return { accepted: count, duplicates: items.length - count };
}
