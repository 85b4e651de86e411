// Whose health data a caller may read. The patient reads their own; a doctor or caregiver reads a
// patient they have an active care relationship with (caregivers need the view permission), or else
// within one active share the patient gave them (its types and dates only). Anything else is "not
// found", never a hint that the patient exists. Every such attempt is noted for the audit log.
import { noteAuditSubject } from '../audit/context';
import type { Caller } from '../auth/session';
import { pool, prisma } from '../db/client';
import type { HealthType } from '../health';
import { notFound } from '../http/errors';
import { findReceivedShare, shareScope } from './shares';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ReadScope = {
  patientId: string;
  timeZone: string;
  types: 'ALL' | readonly HealthType[];
  fromDay?: string; // inclusive local dates limiting what may be read (shares); absent = unlimited
  toDay?: string;
};

// Plain SQL on the pool: every own read asks it (Prisma's query layer cost more than the query).
async function timeZoneOf(userId: string): Promise<string> {
  const { rows } = await pool().query<{ time_zone: string }>({ name: 'time-zone', text: 'SELECT time_zone FROM profiles WHERE user_id = $1::uuid', values: [userId] });
  return rows[0]?.time_zone ?? 'UTC';
}

export async function ownScope(caller: Caller): Promise<ReadScope> {
  return { patientId: caller.id, timeZone: await timeZoneOf(caller.id), types: 'ALL' };
}

/**
 * A care link reads everything; without one, an active share reads its own scope (`shareId` picks one
 * of several shares of this patient, else the newest applies). Checked against the database each call.
 */
export async function patientScope(caller: Caller, patientId: string, opts: { shareId?: string | null } = {}): Promise<ReadScope> {
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
  if (link) return { patientId, timeZone: await timeZoneOf(patientId), types: 'ALL' };
  const share = await findReceivedShare(caller.id, patientId, opts.shareId);
  if (!share) throw notFound('patient');
  return shareScope(share);
}

/** The types of `requested` the scope allows (all requested when unrestricted). */
export function allowedTypes(scope: ReadScope, requested: readonly HealthType[]): HealthType[] {
  return scope.types === 'ALL' ? [...requested] : requested.filter((t) => scope.types.includes(t));
}

/** 404 unless the scope allows every requested type (a share's reader asks only for its types). */
export function requireTypes(scope: ReadScope, requested: readonly HealthType[]): void {
  if (scope.types !== 'ALL' && requested.some((t) => !scope.types.includes(t))) throw notFound('data');
}

/**
 * 404 for a share's scope: what only a care link (or the patient) reads (labs, medications, the record).
 * A share's scope always lists its types.
 */
export function requireFullScope(scope: ReadScope): void {
  if (scope.types !== 'ALL') throw notFound('patient');
}

export const isDayLimited = (scope: ReadScope) => scope.fromDay !== undefined || scope.toDay !== undefined;

/** [fromDay, toDay] narrowed to the scope's days (empty when from > to). */
export function narrowDays(scope: ReadScope, fromDay: string, toDay: string): { from: string; to: string } {
  const from = scope.fromDay && scope.fromDay > fromDay ? scope.fromDay : fromDay;
  const to = scope.toDay && scope.toDay < toDay ? scope.toDay : toDay;
  return { from, to };
}

/** Like narrowDays, but a read wholly outside a day-limited scope is 404. */
export function clampDays(scope: ReadScope, fromDay: string, toDay: string): { from: string; to: string } {
  const days = narrowDays(scope, fromDay, toDay);
  if (days.from > days.to && isDayLimited(scope)) throw notFound('data');
  return days;
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
