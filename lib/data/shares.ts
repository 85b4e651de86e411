// Patient-controlled shares: a patient grants a person named by e-mail (seen by their doctor or
// caregiver account), or anyone holding a link code, read access to chosen types within a date range
// until an expiry. Codes are 256 random bits shown once; only their SHA-256 is stored. Whether a share
// is active is checked against the database on every read, so a revocation or expiry applies to the
// very next request.
import { findDisplayNames } from './profile-fields';
import { byEmail, decryptEmail } from './user-email';
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashToken } from '../auth/tokens';
import type { Caller } from '../auth/session';
import { normalizeEmail } from '../crypto/blind-index';
import { decryptField, decryptOrNull, encryptField } from '../crypto/fields';
import { prisma } from '../db/client';
import { HEALTH_TYPES, type HealthType } from '../health';
import { readDay } from '../http/dates';
import { ApiError, notFound } from '../http/errors';
import { isUuid, type ReadScope } from './access';
import { emailNotVerified } from './invitations';

const DAY_MS = 86_400_000;
export const MAX_EXPIRY_DAYS = 365;

// The one day reader (lib/http/dates.ts): a share's first day lies in the data's range (up to two days
// ahead); its last may reach as far as the longest expiry, since data keeps arriving while it is open.
const shareDay = (aheadMs: number) =>
  z.string().superRefine((value, ctx) => {
    const read = readDay(value, Date.now() + aheadMs);
    if (!read.ok) ctx.addIssue({ code: 'custom', message: read.reason });
  });

/** The body of POST /api/v1/shares; anything else in it (patientId, userId…) is ignored. */
export const shareInputSchema = z
  .object({
    types: z.array(z.enum(HEALTH_TYPES, { message: 'is not a known health type' })).min(1, 'choose at least one type').max(HEALTH_TYPES.length),
    from: shareDay(0),
    to: shareDay(MAX_EXPIRY_DAYS * DAY_MS),
    expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
    recipientEmail: z.email('must be an e-mail address').max(254).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is after to' });
    const expires = Date.parse(v.expiresAt);
    if (expires <= Date.now()) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'is in the past' });
    if (expires > Date.now() + MAX_EXPIRY_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: `is more than ${MAX_EXPIRY_DAYS} days ahead` });
  });
export type ShareInput = z.infer<typeof shareInputSchema>;

export type ShareStatus = 'active' | 'expired' | 'revoked';

export function isShareActive(share: { expiresAt: Date; revokedAt: Date | null }, now: Date): boolean {
  return share.revokedAt === null && share.expiresAt.getTime() > now.getTime();
}

function statusOf(share: { expiresAt: Date; revokedAt: Date | null }, now: Date): ShareStatus {
  if (share.revokedAt) return 'revoked';
  return isShareActive(share, now) ? 'active' : 'expired';
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

const invalid = (field: string, reason: string) => new ApiError('VALIDATION_ERROR', `${field} ${reason}`, [{ field, reason }]);

/**
 * The account a share with this address reaches: an enabled doctor or caregiver account, else none. The
 * patient is answered alike either way (the share is made and listed with the address they typed), so
 * the form never tells them whether, or as whom, someone is registered. Only their own address is refused.
 */
/**
 * The account a share by address goes to: an enabled doctor or caregiver who proved the address (and, a
 * doctor, was approved). Anyone else with it, e.g. an account that registered the address without
 * owning it, is treated as no account: the share waits for nobody.
 */
async function recipientAccountOf(patientId: string, email: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: byEmail(email), select: { id: true, role: true, disabledAt: true, emailVerifiedAt: true, doctorApproval: true } });
  if (user?.id === patientId) throw invalid('recipientEmail', 'is yourself');
  if (!user || user.disabledAt || !user.emailVerifiedAt) return null;
  return user.role === 'CAREGIVER' || (user.role === 'DOCTOR' && user.doctorApproval === 'APPROVED') ? user.id : null;
}

// The typed address is the patient's record of whom they shared with: encrypted with their key.
const recipientRef = (shareId: string) => ({ table: 'share_tokens', column: 'recipient_email', rowId: shareId });

/** For admin lists: the typed address of a share, null when absent or undecryptable (a shredded key). */
export async function searchableRecipientEmail(share: { id: string; patientId: string; recipientEmail: string | null }): Promise<string | null> {
  return share.recipientEmail === null ? null : decryptOrNull(share.patientId, recipientRef(share.id), share.recipientEmail);
}

/** A link share's link: the code after `#`, which browsers never send, so no server or proxy logs it (app/share/page.tsx). */
export const shareLink = (code: string) => `/share#${code}`;

const shareSelect = {
  id: true, patientId: true, recipientUserId: true, recipientEmail: true, types: true, dataFrom: true, dataTo: true, expiresAt: true, revokedAt: true,
  lastUsedAt: true, createdAt: true,
} as const;

type ShareRow = {
  id: string; patientId: string; recipientUserId: string | null; recipientEmail: string | null; types: HealthType[]; dataFrom: Date; dataTo: Date;
  expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null; createdAt: Date;
};
type Person = { id: string; name: string; email: string; timeZone: string };

// share_tokens has no foreign keys in the schema, so the people on shares are looked up by id.
async function peopleById(ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, emailCiphertext: true, disabledAt: true, profile: { select: { timeZone: true } } },
  });
  const names = await findDisplayNames(users.map((u) => u.id));
  const active = users.filter((u) => u.disabledAt === null);
  return new Map(
    await Promise.all(
      active.map(async (u) => {
        const email = await decryptEmail(u.id, u.emailCiphertext);
        return [u.id, { id: u.id, email, name: names.get(u.id) || email, timeZone: u.profile?.timeZone ?? 'UTC' }] as const;
      }),
    ),
  );
}

/**
 * Whom a share is with, as the patient sees it: the address they typed, never whether or as whom an
 * account holds it. Shares made before the address was kept show their account's address (null once closed).
 */
async function recipientOfRow(row: ShareRow, people: Map<string, Person>) {
  if (row.recipientEmail !== null) return { kind: 'person' as const, email: await decryptField(row.patientId, recipientRef(row.id), row.recipientEmail) };
  if (row.recipientUserId !== null) return { kind: 'person' as const, email: people.get(row.recipientUserId)?.email ?? null };
  return { kind: 'link' as const };
}

/** What the patient sees of their share: never the code or its hash. */
async function toPatientShare(row: ShareRow, people: Map<string, Person>, now: Date) {
  return {
    id: row.id,
    types: row.types,
    from: dayOf(row.dataFrom),
    to: dayOf(row.dataTo),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    status: statusOf(row, now),
    recipient: await recipientOfRow(row, people),
  };
}
export type PatientShare = Awaited<ReturnType<typeof toPatientShare>>;

/** Creates a share; a link share's code and link are in the result once and never again. */
/** Refused (403) until the patient has confirmed their address: unverified accounts share nothing. */
export async function createShare(patientId: string, input: ShareInput, now = new Date()): Promise<PatientShare & { code?: string; link?: string }> {
  const patient = await prisma.user.findUniqueOrThrow({ where: { id: patientId }, select: { emailVerifiedAt: true } });
  if (!patient.emailVerifiedAt) throw emailNotVerified();
  const id = randomUUID();
  const email = input.recipientEmail === undefined ? null : normalizeEmail(input.recipientEmail);
  const recipientUserId = email === null ? null : await recipientAccountOf(patientId, email);
  const code = email === null ? randomBytes(32).toString('base64url') : undefined;
  const row = await prisma.shareToken.create({
    data: {
      id,
      patientId,
      recipientUserId,
      recipientEmail: email === null ? null : await encryptField(patientId, recipientRef(id), email),
      codeHash: code ? hashToken(code) : null,
      types: [...new Set(input.types)],
      dataFrom: new Date(`${input.from}T00:00:00Z`),
      dataTo: new Date(`${input.to}T00:00:00Z`),
      expiresAt: new Date(input.expiresAt),
    },
    select: shareSelect,
  });
  return { ...(await toPatientShare(row, new Map(), now)), ...(code ? { code, link: shareLink(code) } : {}) };
}

export async function listSharesOfPatient(patientId: string, now = new Date()): Promise<PatientShare[]> {
  const rows = await prisma.shareToken.findMany({ where: { patientId }, select: shareSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  const people = await peopleById(rows.map((r) => (r.recipientEmail === null ? r.recipientUserId : null)));
  return Promise.all(rows.map((r) => toPatientShare(r, people, now)));
}

/** Revokes the patient's own share (idempotent); someone else's or an unknown id is 404. */
export async function revokeShare(patientId: string, shareId: string): Promise<void> {
  if (!isUuid(shareId)) throw notFound('share');
  await prisma.shareToken.updateMany({ where: { id: shareId, patientId, revokedAt: null }, data: { revokedAt: new Date() } });
  if ((await prisma.shareToken.count({ where: { id: shareId, patientId } })) === 0) throw notFound('share');
}

export type ActiveShare = { id: string; patientId: string; patientName: string; timeZone: string; types: HealthType[]; fromDay: string; toDay: string; expiresAt: string };

const activeSelect = { id: true, patientId: true, types: true, dataFrom: true, dataTo: true, expiresAt: true } as const;
const activeWhere = (now: Date) => ({ revokedAt: null, expiresAt: { gt: now } });

/** Active share rows whose patient's account is enabled (a disabled patient shares nothing). */
async function toActiveShares(rows: { id: string; patientId: string; types: HealthType[]; dataFrom: Date; dataTo: Date; expiresAt: Date }[]): Promise<ActiveShare[]> {
  const people = await peopleById(rows.map((r) => r.patientId));
  return rows.flatMap((r) => {
    const patient = people.get(r.patientId);
    if (!patient) return [];
    return [{
      id: r.id, patientId: r.patientId, patientName: patient.name, timeZone: patient.timeZone,
      types: r.types, fromDay: dayOf(r.dataFrom), toDay: dayOf(r.dataTo), expiresAt: r.expiresAt.toISOString(),
    }];
  });
}

/** The active shares a doctor or caregiver received, newest first. */
export async function listReceivedShares(caller: Caller, now = new Date()): Promise<ActiveShare[]> {
  if (caller.role !== 'DOCTOR' && caller.role !== 'CAREGIVER') return [];
  const rows = await prisma.shareToken.findMany({
    where: { recipientUserId: caller.id, ...activeWhere(now) },
    select: activeSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return toActiveShares(rows);
}

/**
 * The recipient's active share of this patient: the one named, or else the newest. One share at a
 * time, so a read never combines the types of one share with the dates of another.
 */
export async function findReceivedShare(recipientId: string, patientId: string, shareId?: string | null, now = new Date()): Promise<ActiveShare | null> {
  if (!isUuid(patientId) || (shareId && !isUuid(shareId))) return null;
  const rows = await prisma.shareToken.findMany({
    where: { recipientUserId: recipientId, patientId, ...(shareId ? { id: shareId } : {}), ...activeWhere(now) },
    select: activeSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 1,
  });
  return (await toActiveShares(rows))[0] ?? null;
}

/** One active share the recipient received, by id (their "Shared with you" view). */
export async function findReceivedShareById(recipientId: string, shareId: string, now = new Date()): Promise<ActiveShare | null> {
  if (!isUuid(shareId)) return null;
  const rows = await prisma.shareToken.findMany({ where: { id: shareId, recipientUserId: recipientId, ...activeWhere(now) }, select: activeSelect, take: 1 });
  return (await toActiveShares(rows))[0] ?? null;
}

/** The active link share a code opens (and marks it used), or null: unknown, expired and revoked alike. */
export async function openLinkShare(code: string, now = new Date()): Promise<ActiveShare | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(code)) return null;
  const rows = await prisma.shareToken.findMany({ where: { codeHash: hashToken(code), ...activeWhere(now) }, select: activeSelect, take: 1 });
  const share = (await toActiveShares(rows))[0] ?? null;
  if (share) await prisma.shareToken.update({ where: { id: share.id }, data: { lastUsedAt: now } });
  return share;
}

/** The active link share a signed grant names, re-checked on every request. */
export async function findActiveLinkShare(shareId: string, now = new Date()): Promise<ActiveShare | null> {
  if (!isUuid(shareId)) return null;
  const rows = await prisma.shareToken.findMany({ where: { id: shareId, codeHash: { not: null }, ...activeWhere(now) }, select: activeSelect, take: 1 });
  return (await toActiveShares(rows))[0] ?? null;
}

export function shareScope(share: ActiveShare): ReadScope {
  return { patientId: share.patientId, timeZone: share.timeZone, types: share.types, fromDay: share.fromDay, toDay: share.toDay };
}
