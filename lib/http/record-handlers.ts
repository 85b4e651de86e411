// The record endpoints (conditions, allergies, emergency contacts: issue 19), shared by /users/me/<kind>
// (the patient's own) and /patients/{id}/<kind> (a linked doctor reads and writes; a caregiver with view
// permission reads). Shares do not cover the record. The body is parsed once here, strictly (an unknown
// field is a 422), before anything is written; a record of another patient is "not found".
import { NextResponse, type NextRequest } from 'next/server';
import type { Caller } from '../auth/session';
import { isUuid, ownScope, patientScope, requireDoctorOf, requireFullScope, type ReadScope } from '../data/access';
import { RECORD_KINDS, type RecordKind } from '../data/record';
import { notFound } from './errors';
import { readJson } from './handler';

const MAX_BODY = 8 * 1024;

/** Who the record is of, for a read: the patient themself, or a carer's full scope (never a share's). */
export async function recordReadScope(caller: Caller, patientId?: string): Promise<ReadScope> {
  if (patientId === undefined) return ownScope(caller);
  const scope = await patientScope(caller, patientId);
  requireFullScope(scope);
  return scope;
}

/** Who may write: the patient (no id) or the patient's linked doctor. */
export async function recordWriteTarget(caller: Caller, patientId?: string): Promise<string> {
  if (patientId === undefined) return caller.id;
  await requireDoctorOf(caller, patientId);
  return patientId;
}

export async function recordListResponse(kind: RecordKind, scope: ReadScope) {
  const k = RECORD_KINDS[kind];
  return NextResponse.json({ [k.key]: await k.list(scope.patientId) });
}

export async function recordCreateResponse(req: NextRequest, kind: RecordKind, patientId: string, recorderId: string) {
  const k = RECORD_KINDS[kind];
  const input = k.input.parse((await readJson(req, MAX_BODY)).json);
  // The registry's union of kinds: each kind's create takes its own input, parsed by its own schema above.
  return NextResponse.json(await (k.create as (p: string, r: string, i: unknown) => Promise<unknown>)(patientId, recorderId, input), { status: 201 });
}

export async function recordUpdateResponse(req: NextRequest, kind: RecordKind, patientId: string, id: string, recorderId: string) {
  const k = RECORD_KINDS[kind];
  if (!isUuid(id)) throw notFound(k.one);
  const patch = k.patch.parse((await readJson(req, MAX_BODY)).json);
  const updated = await (k.update as (p: string, i: string, r: string, x: unknown) => Promise<unknown>)(patientId, id, recorderId, patch);
  if (!updated) throw notFound(k.one);
  return NextResponse.json(updated);
}

export async function recordDeleteResponse(kind: RecordKind, patientId: string, id: string) {
  const k = RECORD_KINDS[kind];
  if (!isUuid(id)) throw notFound(k.one);
  if (!(await k.remove(patientId, id))) throw notFound(k.one);
  return new NextResponse(null, { status: 204 });
}
