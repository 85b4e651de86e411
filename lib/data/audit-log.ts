// Reading the audit log, for admins: filters and keyset pages over the append-only table (newest
// first, by id). Writing it (with the hash chain) belongs elsewhere; the hashes are not returned.
import { z } from 'zod';
import { prisma } from '../db/client';
import { emailIndex } from '../crypto/blind-index';
import { searchableEmail } from './user-email';
import { Prisma } from '../generated/prisma/client';
import { AuditOutcome } from '../generated/prisma/enums';
import { readDay, readInstant } from '../http/dates';
import { storableText } from '../http/text';

export type AuditFilters = {
  /** Part of the actor's e-mail, or an actor user or device id. */
  actor?: string;
  /** Start of the action name: "POST /api/v1/admin" (admin writes), "auth." (sign-ins), "page." (page reads). */
  action?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  /** The last id of the previous page (a decimal bigint). */
  cursor?: string;
  limit?: number;
};

const DAY_MS = 86_400_000;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** A day (the whole UTC day: as `to` it ends after that day) or an instant with an offset, in the sane range. */
const bound = (edge: 'from' | 'to') =>
  z.string().max(40).transform((value, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const read = readDay(value);
      if (read.ok) return new Date(Date.parse(`${value}T00:00:00Z`) + (edge === 'to' ? DAY_MS : 0));
      ctx.addIssue({ code: 'custom', message: read.reason });
      return z.NEVER;
    }
    const read = readInstant(value);
    if (read.ok) return new Date(read.value);
    ctx.addIssue({ code: 'custom', message: read.reason });
    return z.NEVER;
  });

const text = (max: number) => storableText().trim().max(max).optional().transform((v) => v || undefined);

/** The log's query string (API and page URL). */
export const auditQuery = z
  .object({
    actor: text(254),
    action: text(100),
    outcome: z.enum(AuditOutcome).optional(),
    from: bound('from').optional(),
    to: bound('to').optional(),
    cursor: z
      .string()
      .refine((c) => /^\d{1,19}$/.test(c) && BigInt(c) <= MAX_BIGINT, 'is not a cursor from this API')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'must not be after "to"', path: ['from'] });

type Row = {
  id: bigint;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_device_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  patient_id: string | null;
  patient_email: string | null;
  ip: string | null;
  user_agent: string | null;
  outcome: AuditOutcome;
  details: unknown;
};

/** A joined user's address, null when the user is gone or their key is shredded. */
const emailOf = async (userId: string | null, ciphertext: string | null) => (userId && ciphertext ? searchableEmail(userId, ciphertext) : null);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAuditLog(filters: AuditFilters = {}) {
  const limit = filters.limit ?? 50;
  const conditions = [Prisma.sql`TRUE`];
  if (filters.actor) {
    // E-mails are encrypted: an actor address is matched exactly, through the blind index.
    conditions.push(Prisma.sql`(u.email_index = ${emailIndex(filters.actor)}
      OR a.actor_user_id::text = ${filters.actor} OR a.actor_device_id::text = ${filters.actor})`);
  }
  if (filters.action) conditions.push(Prisma.sql`a.action ILIKE ${`${escapeLike(filters.action)}%`}`);
  if (filters.outcome) conditions.push(Prisma.sql`a.outcome::text = ${filters.outcome}`);
  if (filters.from) conditions.push(Prisma.sql`a.occurred_at >= ${filters.from}`);
  if (filters.to) conditions.push(Prisma.sql`a.occurred_at < ${filters.to}`);
  if (filters.cursor) conditions.push(Prisma.sql`a.id < ${BigInt(filters.cursor)}`);
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT a.id, a.occurred_at, a.actor_user_id::text, u.email_ciphertext AS actor_email, a.actor_device_id::text, a.action,
           a.target_type, a.target_id, a.patient_id::text, p.email_ciphertext AS patient_email, a.ip, a.user_agent,
           a.outcome::text AS outcome, a.details
    FROM audit_log a
    LEFT JOIN users u ON u.id = a.actor_user_id
    LEFT JOIN users p ON p.id = a.patient_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY a.id DESC
    LIMIT ${limit + 1}`;
  const page = await Promise.all(rows.slice(0, limit).map(async (row) => ({
    id: row.id.toString(),
    occurredAt: row.occurred_at,
    actor: { userId: row.actor_user_id, email: await emailOf(row.actor_user_id, row.actor_email), deviceId: row.actor_device_id },
    action: row.action,
    target: row.target_type || row.target_id ? { type: row.target_type, id: row.target_id } : null,
    patient: row.patient_id ? { id: row.patient_id, email: await emailOf(row.patient_id, row.patient_email) } : null,
    ip: row.ip,
    userAgent: row.user_agent,
    outcome: row.outcome,
    details: row.details ?? null,
  })));
  return { entries: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

export type AuditEntry = Awaited<ReturnType<typeof listAuditLog>>['entries'][number];
