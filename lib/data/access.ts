// Whose health data a caller may read. The patient reads their own; a doctor or caregiver reads a
// patient they have an active care relationship with (caregivers need the view permission). Anything
// else is "not found", never a hint that the patient exists.
import { noteAuditSubject } from '../audit/context';
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import type { HealthType } from '../health';
import { notFound } from '../http/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ReadScope = {
  patientId: string;
  timeZone: string;
  types: 'ALL' | readonly HealthType[];
  fromDay?: string; // inclusive local dates limiting what may be read (shares); absent = unlimited
  toDay?: string;
};

async function timeZoneOf(userId: string): Promise<string> {
  const profile = await prisma.profile.findUnique({ where: { userId }, select: { timeZone: true } });
  return profile?.timeZone ?? 'UTC';
}

export async function ownScope(caller: Caller): Promise<ReadScope> {
  return { patientId: caller.id, timeZone: await timeZoneOf(caller.id), types: 'ALL' };
}

export async function patientScope(caller: Caller, patientId: string): Promise<ReadScope> {
  await noteAuditSubject(patientId, caller.id);
  if (caller.role !== 'DOCTOR' && caller.role !== 'CAREGIVER') throw notFound('patient');
  if (!UUID.test(patientId)) throw notFound('patient');
  const link = await prisma.careRelationship.findFirst({
    where: {
      patientId,
      carerId: caller.id,
      kind: caller.role,
      revokedAt: null,
      ...(caller.role === 'CAREGIVER' ? { canView: true } : {}),
      patient: { disabledAt: null },
    },
    select: { id: true },
  });
  if (!link) throw notFound('patient');
  return { patientId, timeZone: await timeZoneOf(patientId), types: 'ALL' };
}

/** The types of `requested` the scope allows (all requested when unrestricted). */
export function allowedTypes(scope: ReadScope, requested: readonly HealthType[]): HealthType[] {
  return scope.types === 'ALL' ? [...requested] : requested.filter((t) => scope.types.includes(t));
}

/** The caller's active doctor link to this patient, or 404 (thresholds, alert delivery, review). */
export async function requireDoctorOf(caller: Caller, patientId: string): Promise<{ linkId: string }> {
  await noteAuditSubject(patientId, caller.id);
  if (caller.role !== 'DOCTOR' || !UUID.test(patientId)) throw notFound('patient');
  const link = await prisma.careRelationship.findFirst({
    where: { patientId, carerId: caller.id, kind: 'DOCTOR', revokedAt: null, patient: { disabledAt: null } },
    select: { id: true },
  });
  if (!link) throw notFound('patient');
  return { linkId: link.id };
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
