// A patient's diabetes profile: type, year of diagnosis, HbA1c target and which consensus glucose targets
// apply (standard; older or high-risk; pregnancy with type 1). The patient edits their own; a linked doctor
// edits their patient's; caregivers with view permission read it. A patient without a row has the
// standard targets and nothing else said.
import { z } from 'zod';
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import { notFound } from '../http/errors';
import { patientScope } from './access';

export const DIABETES_TYPES = ['TYPE_1', 'TYPE_2', 'GESTATIONAL', 'PREDIABETES', 'OTHER'] as const;
export const TARGET_PRESETS = ['STANDARD', 'OLDER_HIGH_RISK', 'PREGNANCY_TYPE_1'] as const;

export type DiabetesProfile = {
  diabetesType: (typeof DIABETES_TYPES)[number] | null;
  diagnosisYear: number | null;
  targetHba1c: number | null;
  targetPreset: (typeof TARGET_PRESETS)[number];
  updatedAt: string | null;
};

export const diabetesProfileInput = z
  .object({
    diabetesType: z.enum(DIABETES_TYPES, { error: `must be one of: ${DIABETES_TYPES.join(', ')}` }).nullable().optional(),
    diagnosisYear: z
      .number({ error: 'must be a year' })
      .int('must be a whole year')
      .min(1900, 'must be 1900 or later')
      .refine((y) => y <= new Date().getUTCFullYear(), 'must not be in the future')
      .nullable()
      .optional(),
    targetHba1c: z.number({ error: 'must be a number (%)' }).min(4, 'must be 4 to 12 %').max(12, 'must be 4 to 12 %').nullable().optional(),
    targetPreset: z.enum(TARGET_PRESETS, { error: `must be one of: ${TARGET_PRESETS.join(', ')}` }).optional(),
  })
  .strict();
export type DiabetesProfileInput = z.output<typeof diabetesProfileInput>;

export async function readDiabetesProfile(patientId: string): Promise<DiabetesProfile> {
  const row = await prisma.diabetesProfile.findUnique({ where: { userId: patientId } });
  return {
    diabetesType: row?.diabetesType ?? null,
    diagnosisYear: row?.diagnosisYear ?? null,
    targetHba1c: row?.targetHba1c ?? null,
    targetPreset: row?.targetPreset ?? 'STANDARD',
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** A carer's read: their care link (not a share: a profile is not among a share's types). */
export async function readPatientDiabetesProfile(caller: Caller, patientId: string): Promise<DiabetesProfile> {
  const scope = await patientScope(caller, patientId);
  if (scope.types !== 'ALL') throw notFound('patient');
  return readDiabetesProfile(patientId);
}

export async function writeDiabetesProfile(patientId: string, editorId: string, input: DiabetesProfileInput): Promise<DiabetesProfile> {
  await prisma.diabetesProfile.upsert({ where: { userId: patientId }, create: { userId: patientId, ...input, updatedById: editorId }, update: { ...input, updatedById: editorId } });
  return readDiabetesProfile(patientId);
}
