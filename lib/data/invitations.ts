// Care-team invitations. A patient invites a doctor or caregiver, an approved doctor a patient, by e-mail
// (a link with a 256-bit token, of which only the SHA-256 is kept) or at the desk by a short code. An
// invitation belongs to the address it was sent to: whoever holds a verified account with that address
// (matched by its blind index) may accept or decline it, whatever role the link needs being checked
// then. Inviters are answered alike whether or not the address has an account, as whom, and whether a
// doctor is approved: an admin's address gets no mail and can never accept (admins cannot call the
// invitee routes), an unapproved doctor can accept only once approved. Every change is audited by its route.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { hashToken, safeEqual } from '../auth/tokens';
import type { Caller } from '../auth/session';
import { emailIndex, normalizeEmail } from '../crypto/blind-index';
import { decryptOrNull, encryptField } from '../crypto/fields';
import { prisma } from '../db/client';
import type { Role } from '../generated/prisma/enums';
import { ApiError, notFound } from '../http/errors';
import { enqueueMail } from '../mail/enqueue';
import { CODE_ALPHABET, CODE_LENGTH, type InvitationInput } from '../api/invitations';
import { isUuid } from './access';
import type { Permissions } from './care-team';
import { findDisplayNames } from './profile-fields';
import { decryptEmail } from './user-email';

export const INVITATION_VALID_DAYS = 14;
export const CODE_VALID_MINUTES = 30;
export const MAX_OPEN_INVITATIONS = 20;

/** A doctor's link grants these whatever its columns say (lib/data/care-team.ts, access.ts). */
export const DOCTOR_PERMISSIONS: Permissions = { view: true, logData: false, receiveAlerts: true };
const CAREGIVER_DEFAULTS: Permissions = { view: true, logData: false, receiveAlerts: false };

type InviteeRole = 'DOCTOR' | 'CAREGIVER' | 'PATIENT';

const invalid = (field: string, reason: string, code: 'VALIDATION_ERROR' | 'CONFLICT' = 'VALIDATION_ERROR') =>
  new ApiError(code, `${field} ${reason}`, [{ field, reason }]);
const forbidden = (reason: string, message: string) => new ApiError('FORBIDDEN', message, [{ field: '(account)', reason }]);
export const emailNotVerified = () => forbidden('email not verified', 'verify your e-mail address first');
const doctorNotApproved = () => forbidden('doctor not approved', 'a doctor account must be approved by an admin first');

const emailRef = (id: string) => ({ table: 'care_invitations', column: 'invitee_email_ciphertext', rowId: id });

async function account(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, role: true, emailIndex: true, emailCiphertext: true, emailVerifiedAt: true, doctorApproval: true },
  });
}

/** The inviter's account, refused unless verified (and, for a doctor, approved). */
async function requireInviter(caller: Caller) {
  const inviter = await account(caller.id);
  if (!inviter.emailVerifiedAt) throw emailNotVerified();
  if (inviter.role === 'DOCTOR' && inviter.doctorApproval !== 'APPROVED') throw doctorNotApproved();
  return inviter;
}

const permissionsOf = (i: { role: Role; canView: boolean; canLogData: boolean; canReceiveAlerts: boolean }): Permissions =>
  i.role === 'CAREGIVER' ? { view: i.canView, logData: i.canLogData, receiveAlerts: i.canReceiveAlerts } : DOCTOR_PERMISSIONS;

const open = () => ({ status: 'PENDING' as const, expiresAt: { gt: new Date() } });

/** The link an accepted invitation makes: a doctor's invitation is accepted by its patient. */
function linkOf(inv: { inviterId: string; role: Role }, inviteeId: string) {
  return inv.role === 'PATIENT'
    ? { patientId: inviteeId, carerId: inv.inviterId, kind: 'DOCTOR' as const }
    : { patientId: inv.inviterId, carerId: inviteeId, kind: inv.role as 'DOCTOR' | 'CAREGIVER' };
}

/** Locks the inviter's row so that two requests cannot both pass the open-invitations limit. */
async function checkOpenLimit(tx: Pick<typeof prisma, 'careInvitation' | '$queryRaw'>, inviterId: string) {
  await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${inviterId}::uuid FOR UPDATE`;
  const count = await tx.careInvitation.count({ where: { inviterId, ...open() } });
  if (count >= MAX_OPEN_INVITATIONS) {
    throw invalid('(body)', `you have ${MAX_OPEN_INVITATIONS} open invitations; withdraw one or wait for an answer`, 'CONFLICT');
  }
}

export type SentInvitation = { id: string; role: InviteeRole; email: string | null; permissions: Permissions; expiresAt: string; createdAt: string };

/**
 * A patient invites a doctor or caregiver, an approved doctor a patient. Refused: oneself (422), a
 * current member of the team or an address already invited as that role (409), more than 20 open (409).
 */
export async function createInvitation(caller: Caller, input: InvitationInput): Promise<SentInvitation> {
  const allowed: InviteeRole[] = caller.role === 'PATIENT' ? ['DOCTOR', 'CAREGIVER'] : caller.role === 'DOCTOR' ? ['PATIENT'] : [];
  if (!allowed.includes(input.role)) throw invalid('role', `must be ${allowed.join(' or ')}`);
  if (input.permissions && input.role !== 'CAREGIVER' && JSON.stringify(input.permissions) !== JSON.stringify(DOCTOR_PERMISSIONS)) {
    throw invalid('permissions', 'are fixed for a doctor (sees the data, receives alerts, cannot log data)');
  }
  const inviter = await requireInviter(caller);
  const email = normalizeEmail(input.email);
  const index = emailIndex(email);
  if (index === inviter.emailIndex) throw invalid('email', 'is yourself');
  const invitee = await prisma.user.findUnique({ where: { emailIndex: index }, select: { id: true, role: true } });
  if (invitee) {
    const link = linkOf({ inviterId: inviter.id, role: input.role }, invitee.id);
    const member = await prisma.careRelationship.findFirst({ where: { ...link, revokedAt: null }, select: { id: true } });
    if (member) throw invalid('email', 'is already in this care team', 'CONFLICT');
  }
  const permissions = input.role === 'CAREGIVER' ? (input.permissions ?? CAREGIVER_DEFAULTS) : DOCTOR_PERMISSIONS;
  const token = randomBytes(32).toString('base64url');
  const name = (await findDisplayNames([inviter.id])).get(inviter.id) ?? 'A Pulse user';
  const row = await prisma.$transaction(async (tx) => {
    await checkOpenLimit(tx, inviter.id);
    const already = await tx.careInvitation.findFirst({ where: { inviterId: inviter.id, inviteeEmailIndex: index, role: input.role, ...open() }, select: { id: true } });
    if (already) throw invalid('email', 'already has an open invitation from you', 'CONFLICT');
    const id = randomUUID();
    const created = await tx.careInvitation.create({
      data: {
        id,
        inviterId: inviter.id,
        inviteeEmailIndex: index,
        inviteeEmailCiphertext: await encryptField(inviter.id, emailRef(id), email),
        role: input.role,
        canView: permissions.view,
        canLogData: permissions.logData,
        canReceiveAlerts: permissions.receiveAlerts,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 86_400_000),
      },
    });
    // An admin's address is answered like any other but never mailed (admins take no part in care teams).
    if (invitee?.role !== 'ADMIN') {
      await enqueueMail(tx, { to: email, template: 'invitation', data: { token, inviterName: name, as: input.role, validDays: INVITATION_VALID_DAYS }, userId: inviter.id });
    }
    return created;
  });
  return { id: row.id, role: input.role, email, permissions, expiresAt: row.expiresAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** An approved doctor's desk code: a patient types it in within 30 minutes, once. */
export async function createDeskCode(caller: Caller): Promise<{ id: string; code: string; expiresAt: string }> {
  const inviter = await requireInviter(caller);
  for (;;) {
    const code = newCode();
    try {
      const row = await prisma.$transaction(async (tx) => {
        await checkOpenLimit(tx, inviter.id);
        return tx.careInvitation.create({
          data: { inviterId: inviter.id, role: 'PATIENT', ...DOCTOR_COLUMNS, codeHash: hashToken(code), expiresAt: new Date(Date.now() + CODE_VALID_MINUTES * 60_000) },
        });
      });
      return { id: row.id, code, expiresAt: row.expiresAt.toISOString() };
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error; // a code already in use: draw again
    }
  }
}

const DOCTOR_COLUMNS = { canView: true, canLogData: false, canReceiveAlerts: true };

/** The inviter's open invitations (the addresses are theirs to read: they typed them). */
export async function listSentInvitations(inviterId: string): Promise<SentInvitation[]> {
  const rows = await prisma.careInvitation.findMany({ where: { inviterId, ...open() }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      role: r.role as InviteeRole,
      email: r.inviteeEmailCiphertext ? await decryptOrNull(inviterId, emailRef(r.id), r.inviteeEmailCiphertext) : null,
      permissions: permissionsOf(r),
      expiresAt: r.expiresAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
    })),
  );
}

/** The inviter withdraws an open invitation (204); anything else is 404. */
export async function withdrawInvitation(inviterId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('invitation');
  const { count } = await prisma.careInvitation.updateMany({ where: { id, inviterId, ...open() }, data: { status: 'WITHDRAWN', decidedAt: new Date(), codeHash: null } });
  if (count === 0) throw notFound('invitation');
}

export type ReceivedInvitation = { id: string; role: InviteeRole; from: { id: string; name: string }; permissions: Permissions; expiresAt: string };

async function received(rows: { id: string; inviterId: string; role: Role; canView: boolean; canLogData: boolean; canReceiveAlerts: boolean; expiresAt: Date }[]) {
  const names = await findDisplayNames(rows.map((r) => r.inviterId));
  return rows.map(
    (r): ReceivedInvitation => ({
      id: r.id,
      role: r.role as InviteeRole,
      from: { id: r.inviterId, name: names.get(r.inviterId) ?? 'A Pulse user' },
      permissions: permissionsOf(r),
      expiresAt: r.expiresAt.toISOString(),
    }),
  );
}

const usable = () => ({ ...open(), inviter: { disabledAt: null } });

/** The open invitations to the caller's address, once it is verified (before that, none). */
export async function listReceivedInvitations(userId: string): Promise<ReceivedInvitation[]> {
  const me = await account(userId);
  if (!me.emailVerifiedAt || !me.emailIndex) return [];
  const rows = await prisma.careInvitation.findMany({ where: { inviteeEmailIndex: me.emailIndex, ...usable() }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return received(rows);
}

/** Looks an open invitation up by its link token (one lookup, then a constant-time check of the hash). */
export async function findInvitationByToken(token: string): Promise<(ReceivedInvitation & { inviteeEmailIndex: string | null }) | null> {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) return null;
  const hash = hashToken(token);
  const row = await prisma.careInvitation.findFirst({ where: { tokenHash: hash, ...usable() } });
  if (!row?.tokenHash || !safeEqual(row.tokenHash, hash)) return null;
  const [shown] = await received([row]);
  return { ...shown!, inviteeEmailIndex: row.inviteeEmailIndex };
}

/** The invitee's account and their open invitation `id`, or 404 (someone else's, used, expired, withdrawn). */
async function openInvitationFor(userId: string, id: string) {
  const me = await account(userId);
  if (!me.emailVerifiedAt) throw emailNotVerified();
  if (!isUuid(id) || !me.emailIndex) throw notFound('invitation');
  const inv = await prisma.careInvitation.findFirst({ where: { id, inviteeEmailIndex: me.emailIndex, ...usable() } });
  if (!inv) throw notFound('invitation');
  return { me, inv };
}

/** Accepting makes (or renews) the care relationship with the permissions the patient chose. */
export async function acceptInvitation(caller: Caller, id: string): Promise<{ linkId: string; patientId: string }> {
  const { me, inv } = await openInvitationFor(caller.id, id);
  if (me.role !== inv.role) throw invalid('role', `this invitation is for a ${inv.role.toLowerCase()} account`, 'CONFLICT');
  if (me.role === 'DOCTOR' && me.doctorApproval !== 'APPROVED') throw doctorNotApproved();
  const link = linkOf(inv, me.id);
  const columns = { canView: inv.canView, canLogData: inv.canLogData, canReceiveAlerts: inv.canReceiveAlerts };
  return prisma.$transaction(async (tx) => {
    const taken = await tx.careInvitation.updateMany({ where: { id, ...open() }, data: { status: 'ACCEPTED', decidedAt: new Date(), codeHash: null } });
    if (taken.count === 0) throw notFound('invitation'); // accepted, declined or withdrawn meanwhile
    const existing = await tx.careRelationship.findUnique({ where: { patientId_carerId_kind: link }, select: { id: true, revokedAt: true } });
    if (existing && !existing.revokedAt) throw invalid('(body)', 'you are already in this care team', 'CONFLICT');
    const saved = existing
      ? await tx.careRelationship.update({
          where: { id: existing.id },
          data: { ...columns, revokedAt: null, createdAt: new Date(), lastReviewedAt: null, alertDelivery: 'IMMEDIATE' },
        })
      : await tx.careRelationship.create({ data: { ...link, ...columns } });
    return { linkId: saved.id, patientId: link.patientId };
  });
}

export async function declineInvitation(caller: Caller, id: string): Promise<void> {
  await openInvitationFor(caller.id, id);
  const { count } = await prisma.careInvitation.updateMany({ where: { id, ...open() }, data: { status: 'DECLINED', decidedAt: new Date(), codeHash: null } });
  if (count === 0) throw notFound('invitation');
}

/**
 * A patient types a doctor's desk code: the invitation becomes theirs (addressed to their verified
 * address) and the code is spent; they then accept it like any other. A wrong, used or expired code is 404.
 */
export async function redeemDeskCode(caller: Caller, code: string): Promise<ReceivedInvitation> {
  const me = await account(caller.id);
  if (!me.emailVerifiedAt || !me.emailIndex) throw emailNotVerified();
  const hash = hashToken(code);
  const inv = await prisma.careInvitation.findFirst({ where: { codeHash: hash, inviteeEmailIndex: null, ...usable() } });
  if (!inv?.codeHash || !safeEqual(inv.codeHash, hash)) throw notFound('invitation');
  const email = await decryptEmail(me.id, me.emailCiphertext);
  const { count } = await prisma.careInvitation.updateMany({
    where: { id: inv.id, codeHash: hash, inviteeEmailIndex: null, ...open() },
    data: { inviteeEmailIndex: me.emailIndex, inviteeEmailCiphertext: await encryptField(inv.inviterId, emailRef(inv.id), email), codeHash: null },
  });
  if (count === 0) throw notFound('invitation');
  const [shown] = await received([inv]);
  return shown!;
}

export type InvitationPage = { invitation: ReceivedInvitation; viewer: 'signed-out' | 'invitee' | 'unverified' | 'other-account' };

/**
 * What the page of an invitation link shows: who invites and as what, and whether this viewer may answer
 * it. The token only identifies the invitation; the invitee's address is never shown or hinted at.
 */
export async function invitationPageView(token: string, viewerId: string | null): Promise<InvitationPage | null> {
  const found = await findInvitationByToken(token);
  if (!found) return null;
  const { inviteeEmailIndex, ...invitation } = found;
  if (!viewerId) return { invitation, viewer: 'signed-out' };
  const me = await account(viewerId);
  if (me.emailIndex !== inviteeEmailIndex) return { invitation, viewer: 'other-account' };
  return { invitation, viewer: me.emailVerifiedAt ? 'invitee' : 'unverified' };
}

/** Recomputes the blind indexes of the addresses this user invited (after a master key change). */
export async function reindexInvitations(inviterId: string): Promise<void> {
  const rows = await prisma.careInvitation.findMany({ where: { inviterId, inviteeEmailCiphertext: { not: null } }, select: { id: true, inviteeEmailCiphertext: true } });
  for (const row of rows) {
    const email = await decryptOrNull(inviterId, emailRef(row.id), row.inviteeEmailCiphertext!);
    if (email) await prisma.careInvitation.update({ where: { id: row.id }, data: { inviteeEmailIndex: emailIndex(email) } });
  }
}
