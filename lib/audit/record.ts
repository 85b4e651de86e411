// Writes one audit row. Each call is its own statement (autocommit), never part of a data transaction:
// the insert trigger serialises the hash chain on an advisory lock, which must be held for microseconds.
// Details carry ids, routes, statuses and counts only: never health values, tokens, passwords, codes or
// e-mail addresses.
import { prisma } from '../db/client';
import type { AuditOutcome } from '../generated/prisma/enums';

export type AuditDetails = Record<string, string | number | boolean | null>;

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  actorUserId?: string | null;
  actorDeviceId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  patientId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: AuditDetails | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid column takes a uuid or nothing (an unparseable id from a URL is kept as the target instead). */
export const uuidOrNull = (value: string | null | undefined) => (value && UUID.test(value) ? value : null);

const cut = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

export async function recordAudit(entry: AuditEntry): Promise<void> {
  const details = entry.details && Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : null;
  await prisma.$executeRaw`
    INSERT INTO audit_log (actor_user_id, actor_device_id, action, target_type, target_id, patient_id, ip, user_agent, outcome, details)
    VALUES (${uuidOrNull(entry.actorUserId)}::uuid, ${uuidOrNull(entry.actorDeviceId)}::uuid, ${cut(entry.action, 200)},
            ${cut(entry.targetType, 100)}, ${cut(entry.targetId, 200)}, ${uuidOrNull(entry.patientId)}::uuid,
            ${cut(entry.ip, 64)}, ${cut(entry.userAgent, 256)}, ${entry.outcome}::"AuditOutcome", ${details}::jsonb)`;
}

/** SUCCESS below 400, DENIED for 401/403/404, FAILURE otherwise. */
export function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'SUCCESS';
  return status === 401 || status === 403 || status === 404 ? 'DENIED' : 'FAILURE';
}

type HeaderSource = { get(name: string): string | null };

/** Where the request came from: the first x-forwarded-for entry (set by our proxy), else x-real-ip. */
export function clientOf(headers: HeaderSource): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || headers.get('x-real-ip')?.trim() || null, userAgent: headers.get('user-agent') };
}
