// Share tokens across all patients, for admins: filtered keyset pages and revocation. The code hash is
// never selected; a link share shows only that it is one; a share with a person shows their account's
// address, else the address the patient typed.
import { z } from 'zod';
import { prisma } from '../db/client';
import { emailIndex } from '../crypto/blind-index';
import { searchableRecipientEmail } from './shares';
import { searchableEmail } from './user-email';
import { Prisma } from '../generated/prisma/client';
import type { HealthType } from '../generated/prisma/enums';
import { notFound } from '../http/errors';
import { storableText } from '../http/text';

export const SHARE_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];
export type AdminShareFilters = { status?: ShareStatus; patient?: string; cursor?: string; limit?: number };

/** The list's query string (API and page URL). */
export const adminShareQuery = z.object({
  status: z.enum(SHARE_STATUSES).optional(),
  patient: storableText().trim().max(254).optional().transform((v) => v || undefined),
  cursor: z.uuid('is not a cursor from this API').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// Fixed SQL per allowed status: user input only chooses among these. Expiry is judged by the app's clock,
// the one that validates shares (lib/data/shares.ts), never the database's: both must give one answer.
const STATUS_SQL: Record<ShareStatus, (now: Date) => Prisma.Sql> = {
  active: (now) => Prisma.sql`s.revoked_at IS NULL AND s.expires_at > ${now}`,
  expired: (now) => Prisma.sql`s.revoked_at IS NULL AND s.expires_at <= ${now}`,
  revoked: () => Prisma.sql`s.revoked_at IS NOT NULL`,
};

type Row = {
  id: string;
  patient_id: string;
  patient_email: string;
  recipient_user_id: string | null;
  recipient_user_email: string | null;
  recipient_email: string | null;
  is_link: boolean;
  types: HealthType[];
  data_from: string;
  data_to: string;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
  status: ShareStatus;
};

async function findShareRows(opts: { id?: string; filters?: AdminShareFilters; limit: number }) {
  const f = opts.filters ?? {};
  const now = new Date();
  const conditions = [Prisma.sql`TRUE`];
  if (opts.id) conditions.push(Prisma.sql`s.id = ${opts.id}::uuid`);
  if (f.status) conditions.push(STATUS_SQL[f.status](now));
  // E-mails are encrypted: the patient filter is an exact address, matched through the blind index.
  if (f.patient) conditions.push(Prisma.sql`p.email_index = ${emailIndex(f.patient)}`);
  // Keyset: rows after the cursor row in (created_at DESC, id DESC); an unknown cursor yields nothing.
  if (f.cursor) conditions.push(Prisma.sql`(s.created_at, s.id) < (SELECT created_at, id FROM share_tokens WHERE id = ${f.cursor}::uuid)`);
  return prisma.$queryRaw<Row[]>`
    SELECT s.id::text, s.patient_id::text, p.email_ciphertext AS patient_email, s.recipient_user_id::text,
           r.email_ciphertext AS recipient_user_email, s.recipient_email, (s.code_hash IS NOT NULL) AS is_link,
           s.types::text[] AS types, to_char(s.data_from, 'YYYY-MM-DD') AS data_from,
           to_char(s.data_to, 'YYYY-MM-DD') AS data_to, s.expires_at, s.revoked_at, s.last_used_at, s.created_at,
           CASE WHEN s.revoked_at IS NOT NULL THEN 'revoked' WHEN s.expires_at <= ${now} THEN 'expired' ELSE 'active' END AS status
    FROM share_tokens s
    JOIN users p ON p.id = s.patient_id
    LEFT JOIN users r ON r.id = s.recipient_user_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY s.created_at DESC, s.id DESC
    LIMIT ${opts.limit}`;
}

async function toShare(row: Row) {
  const recipientEmail =
    (row.recipient_user_id && row.recipient_user_email ? await searchableEmail(row.recipient_user_id, row.recipient_user_email) : null) ??
    (await searchableRecipientEmail({ id: row.id, patientId: row.patient_id, recipientEmail: row.recipient_email }));
  return {
    id: row.id,
    patient: { id: row.patient_id, email: await searchableEmail(row.patient_id, row.patient_email) },
    recipient: {
      kind: row.is_link ? ('link' as const) : ('user' as const),
      email: recipientEmail,
    },
    types: row.types,
    dataFrom: row.data_from,
    dataTo: row.data_to,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
    status: row.status,
  };
}

export type AdminShareRow = Awaited<ReturnType<typeof toShare>>;

/** One page of share tokens, newest first; `patient` is the patient's whole e-mail. */
export async function listSharesForAdmin(filters: AdminShareFilters = {}) {
  const limit = filters.limit ?? 50;
  const rows = await findShareRows({ filters, limit: limit + 1 });
  const page = await Promise.all(rows.slice(0, limit).map(toShare));
  return { shares: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** Revokes a share at once (idempotent: revoking twice keeps the first time). */
export async function revokeShareByAdmin(shareId: string): Promise<AdminShareRow> {
  await prisma.shareToken.updateMany({ where: { id: shareId, revokedAt: null }, data: { revokedAt: new Date() } });
  const [row] = await findShareRows({ id: shareId, limit: 1 });
  if (!row) throw notFound('share');
  return toShare(row);
}

/** Totals for the admin overview. */
export async function countSharesForAdmin(): Promise<Record<ShareStatus, number>> {
  const now = new Date();
  const [row] = await prisma.$queryRaw<{ active: bigint; expired: bigint; revoked: bigint }[]>`
    SELECT count(*) FILTER (WHERE ${STATUS_SQL.active(now)}) AS active,
           count(*) FILTER (WHERE ${STATUS_SQL.expired(now)}) AS expired,
           count(*) FILTER (WHERE ${STATUS_SQL.revoked(now)}) AS revoked
    FROM share_tokens s`;
  return { active: Number(row?.active ?? 0), expired: Number(row?.expired ?? 0), revoked: Number(row?.revoked ?? 0) };
}
