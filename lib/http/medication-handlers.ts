// The medication endpoints, shared by /users/me/medications (the patient's own) and
// /patients/{id}/medications (a linked doctor prescribes and changes; a caregiver with view permission
// reads; a caregiver with log permission logs doses). The routes decide who the caller may act for; the
// bodies and queries are parsed once here.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import type { Caller } from '../auth/session';
import type { ReadScope } from '../data/access';
import type { EntryTarget } from '../data/entries';
import { listDoses, markMissedDoses, medicationAdherenceOf, storeDoseLog } from '../data/medication-doses';
import { createMedication, getMedication, listMedications, medicationInput, medicationPatch, medicationVersions, medicationWriter, updateMedication, type MedicationWriter } from '../data/medications';
import { addDays, localDate } from '../time';
import { day } from './dates';
import { ApiError } from './errors';
import { readJson } from './handler';
import { idempotentWrite } from './idempotency';

const BODY_BYTES = 16 * 1024;
const MAX_DOSE_DAYS = 92;

export async function medicationsListResponse(scope: ReadScope) {
  return NextResponse.json({ medications: await listMedications(scope, Date.now()) });
}

export async function medicationCreateResponse(req: NextRequest, caller: Caller, scope: ReadScope) {
  const writer = medicationWriter(caller, scope);
  const input = medicationInput.parse((await readJson(req, BODY_BYTES)).json);
  return NextResponse.json(await createMedication(writer, input, Date.now()), { status: 201 });
}

export async function medicationResponse(scope: ReadScope, medicationId: string) {
  return NextResponse.json(await getMedication(scope, medicationId, Date.now()));
}

export async function medicationPatchResponse(req: NextRequest, writer: MedicationWriter, medicationId: string) {
  const patch = medicationPatch.parse((await readJson(req, BODY_BYTES)).json);
  return NextResponse.json(await updateMedication(writer, medicationId, patch, Date.now()));
}

export async function medicationVersionsResponse(scope: ReadScope, medicationId: string) {
  return NextResponse.json({ versions: await medicationVersions(scope, medicationId) });
}

const doseQuery = z.object({ from: day.optional(), to: day.optional() }).strict();

/** GET …/doses?from&to: the patient's local days, both included (default the last 7 days and today). */
export async function dosesListResponse(req: NextRequest, scope: ReadScope, medicationId: string) {
  const q = doseQuery.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  const nowMs = Date.now();
  const to = q.to ?? localDate(nowMs, scope.timeZone);
  const from = q.from ?? addDays(to, -7);
  if (from > to) throw new ApiError('VALIDATION_ERROR', '"from" must not be after "to"', [{ field: 'from', reason: 'is after to' }]);
  if (addDays(from, MAX_DOSE_DAYS) < to) throw new ApiError('VALIDATION_ERROR', `at most ${MAX_DOSE_DAYS} days at once`, [{ field: 'from', reason: `is more than ${MAX_DOSE_DAYS} days before to` }]);
  await markMissedDoses(nowMs, scope.patientId);
  return NextResponse.json({ from, to, ...(await listDoses(scope, medicationId, from, to, nowMs)) });
}

/** POST …/doses; an Idempotency-Key makes a resend answer again instead of logging twice (lib/http/idempotency.ts). */
export async function doseLogResponse(req: NextRequest, target: EntryTarget, medicationId: string) {
  const { text, json } = await readJson(req, BODY_BYTES);
  return idempotentWrite(req, text, target, async (idem) => {
    const nowMs = Date.now();
    // Doses already past their window are written as missed first, so a late log finds its dose.
    await markMissedDoses(nowMs, target.patientId);
    return storeDoseLog(target, medicationId, json, nowMs, idem);
  });
}

export async function adherenceResponse(scope: ReadScope) {
  return NextResponse.json(await medicationAdherenceOf(scope, Date.now()));
}
