// Users: sign-in lookup, the sessions a sign-in opens and a sign-out revokes, the active-user check
// behind every session, and the caller's own record.
import { pool, prisma } from '../db/client';
import type { Role } from '../generated/prisma/enums';
import { maybeDisplayName } from './profile-fields';
import { byEmail, decryptEmail, decryptPendingEmail } from './user-email';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    where: byEmail(email),
    select: { id: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
}

/** A new server-side session of the user (one per sign-in); its id goes into the session token. */
export async function startSession(userId: string): Promise<string> {
  const session = await prisma.userSession.create({ data: { userId }, select: { id: true } });
  return session.id;
}

/** Ends one session (sign-out); the user's other sessions go on. */
export async function revokeSession(userId: string, sessionId: string): Promise<void> {
  if (!UUID.test(userId) || !UUID.test(sessionId)) return;
  await prisma.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * The user behind a session token, checked on every request: the session not revoked (signed out) and
 * the account enabled, in one query by primary keys. The caller compares role and session version
 * (and holds a doctor or admin without two-factor sign-in at enrolment: lib/auth/session.ts).
 */
export type ActiveUser = { id: string; role: Role; sessionVersion: number; twoFactorEnabled: boolean };

// Plain SQL on the pool, not Prisma's raw path: this runs before every API answer, and Prisma's
// query layer cost more than the query itself (bench:profile). Named: each connection plans it once.
const ACTIVE_USER_SQL = `SELECT u.id::text AS id, u.role::text AS role, u.session_version AS "sessionVersion", (t.enabled_at IS NOT NULL) AS "twoFactorEnabled"
  FROM user_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN user_two_factor t ON t.user_id = u.id
  WHERE s.id = $1::uuid AND s.user_id = $2::uuid AND s.revoked_at IS NULL AND u.disabled_at IS NULL`;

export async function findActiveUser(userId: string, sessionId: string): Promise<ActiveUser | null> {
  if (!UUID.test(userId) || !UUID.test(sessionId)) return null;
  const { rows } = await pool().query<ActiveUser>({ name: 'active-user', text: ACTIVE_USER_SQL, values: [sessionId, userId] });
  return rows[0] ?? null;
}

export async function findMe(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      emailCiphertext: true,
      role: true,
      emailVerifiedAt: true,
      pendingEmailCiphertext: true,
      doctorApproval: true,
      profile: { select: { displayName: true, timeZone: true } },
    },
  });
  return {
    id: user.id,
    email: await decryptEmail(user.id, user.emailCiphertext),
    emailVerified: user.emailVerifiedAt !== null,
    // An e-mail change waiting for the link sent to the new address.
    pendingEmail: user.pendingEmailCiphertext ? await decryptPendingEmail(user.id, user.pendingEmailCiphertext) : null,
    ...(user.role === 'DOCTOR' ? { doctorApproval: user.doctorApproval } : {}),
    role: user.role,
    name: await maybeDisplayName(user.id, user.profile?.displayName ?? null),
    timeZone: user.profile?.timeZone ?? 'UTC',
  };
}

/**
 * The columns of an account someone vouches for at creation (the demo seed, an admin, tests): its e-mail
 * counts as verified and, for a doctor, the licence as approved. Accounts from sign-up start without them.
 */
export function vouchedAccount(role: Role, now = new Date()) {
  return { emailVerifiedAt: now, ...(role === 'DOCTOR' ? { doctorApproval: 'APPROVED' as const, doctorReviewedAt: now } : {}) };
}
