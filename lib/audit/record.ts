// Writes audit rows. The insert trigger serialises the hash chain on an advisory lock held until COMMIT,
// so rows are written in their own short statements (autocommit), never inside a data transaction, and
// rows recorded at the same moment share one statement (one lock, one commit): recordAudit resolves once
// its row is committed. Details carry ids, routes, statuses and counts only: never health values,
// tokens, passwords, codes or e-mail addresses. Repeated anonymous refusals are summarised (./anonymous.ts).
import { pool } from '../db/client';
import type { AuditOutcome } from '../generated/prisma/enums';
import { clientIp, type HeaderSource } from '../security/client-address';
import { isAnonymousRefusal, throttleAnonymousRefusal } from './anonymous';

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

type Pending = { entry: AuditEntry; resolve: () => void; reject: (error: unknown) => void };
const MAX_BATCH = 500;
let queue: Pending[] = [];
let flushing = false;

async function insertBatch(entries: AuditEntry[]): Promise<void> {
  const column = (pick: (e: AuditEntry) => string | null | undefined) => entries.map((e) => pick(e) ?? null);
  await pool().query(
    `INSERT INTO audit_log (actor_user_id, actor_device_id, action, target_type, target_id, patient_id, ip, user_agent, outcome, details)
     SELECT u.actor::uuid, u.device::uuid, u.action, u.ttype, u.tid, u.patient::uuid, u.ip, u.ua, u.outcome::"AuditOutcome", u.details::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
          WITH ORDINALITY AS u(actor, device, action, ttype, tid, patient, ip, ua, outcome, details, n)
     ORDER BY u.n`,
    [
      column((e) => uuidOrNull(e.actorUserId)),
      column((e) => uuidOrNull(e.actorDeviceId)),
      column((e) => cut(e.action, 200)),
      column((e) => cut(e.targetType, 100)),
      column((e) => cut(e.targetId, 200)),
      column((e) => uuidOrNull(e.patientId)),
      column((e) => cut(e.ip, 64)),
      column((e) => cut(e.userAgent, 256)),
      column((e) => e.outcome),
      column((e) => (e.details && Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : null)),
    ],
  );
}

async function flush(): Promise<void> {
  flushing = true;
  while (queue.length > 0) {
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    try {
      await insertBatch(batch.map((p) => p.entry));
      for (const p of batch) p.resolve();
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
  flushing = false;
}

function enqueue(entry: AuditEntry): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.push({ entry, resolve, reject });
    if (!flushing) void flush();
  });
}

/** Resolves when the row is committed (or counted in a summary); rejects (the database's error) when it could not be. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  const row = isAnonymousRefusal(entry) ? await throttleAnonymousRefusal(entry) : entry;
  if (row) await enqueue(row);
}

/** SUCCESS below 400, DENIED for 401/403/404, FAILURE otherwise. */
export function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'SUCCESS';
  return status === 401 || status === 403 || status === 404 ? 'DENIED' : 'FAILURE';
}

/** Where the request came from: the client's address (lib/security/client-address.ts) and user agent. */
export function clientOf(headers: HeaderSource): { ip: string | null; userAgent: string | null } {
  return { ip: clientIp(headers), userAgent: headers.get('user-agent') };
}
