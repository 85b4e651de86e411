// Who is calling: the signed-in user, re-checked against the database on every request so that a
// disabled account, a changed role, a bumped session version or a signed-out session takes effect at once.
// A doctor or admin who has no second factor yet (two-factor sign-in is required of them) is held at
// enrolment: every API answers 403 TWO_FACTOR_ENROLMENT_REQUIRED except the enrolment routes, and every
// page redirects to the enrolment page (lib/auth/page-access.ts).
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { noteAudit } from '../audit/context';
import type { Role } from '../generated/prisma/enums';
import { findActiveUser } from '../data/users';
import { ApiError, unauthorized } from '../http/errors';
import { authOptions } from './options';
import { TWO_FACTOR_ENROL_PAGE, twoFactorRequired } from './two-factor';

export type Caller = { id: string; role: Role; /** must enrol a second factor before anything else */ twoFactorEnrolmentDue?: boolean };

/**
 * Checked once per page render (React cache: the root layout's language and the page's guard share one
 * check); a route handler has no render, so each call there checks again.
 */
export const getCaller = cache(async (): Promise<Caller | null> => {
  const session = await getServerSession(authOptions());
  const token = session?.user;
  // A token without a session id (signed before server-side sessions existed) has no session to check.
  if (!token?.id || !token.sessionId) return null;
  const user = await findActiveUser(token.id, token.sessionId);
  if (!user || user.role !== token.role || user.sessionVersion !== token.sessionVersion) return null;
  noteAudit({ actorUserId: user.id });
  const due = !user.twoFactorEnabled && twoFactorRequired(user.role, token.email);
  return due ? { id: user.id, role: user.role, twoFactorEnrolmentDue: true } : { id: user.id, role: user.role };
});

/**
 * The caller, or a 401; with roles, a 403 for any other role. A caller held at two-factor enrolment gets
 * a 403 TWO_FACTOR_ENROLMENT_REQUIRED unless the route is one of enrolment (`enrolment: true`).
 */
export async function requireCaller(roles?: readonly Role[], options: { enrolment?: boolean } = {}): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) throw unauthorized();
  if (caller.twoFactorEnrolmentDue && !options.enrolment) {
    throw new ApiError('TWO_FACTOR_ENROLMENT_REQUIRED', 'set up two-factor sign-in first: it is required for doctors and administrators', { enrolAt: TWO_FACTOR_ENROL_PAGE });
  }
  if (roles && !roles.includes(caller.role)) throw new ApiError('FORBIDDEN', `requires role ${roles.join(' or ')}`);
  return caller;
}
