// Who is calling: the signed-in user, re-checked against the database on every request so that a
// disabled account, a changed role, a bumped session version or a signed-out session takes effect at once.
import { getServerSession } from 'next-auth';
import { noteAudit } from '../audit/context';
import type { Role } from '../generated/prisma/enums';
import { findActiveUser } from '../data/users';
import { ApiError, unauthorized } from '../http/errors';
import { authOptions } from './options';

export type Caller = { id: string; role: Role };

export async function getCaller(): Promise<Caller | null> {
  const session = await getServerSession(authOptions());
  const token = session?.user;
  // A token without a session id (signed before server-side sessions existed) has no session to check.
  if (!token?.id || !token.sessionId) return null;
  const user = await findActiveUser(token.id, token.sessionId);
  if (!user || user.role !== token.role || user.sessionVersion !== token.sessionVersion) return null;
  noteAudit({ actorUserId: user.id });
  return { id: user.id, role: user.role };
}

/** The caller, or a 401; with roles, a 403 for any other role. */
export async function requireCaller(roles?: readonly Role[]): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) throw unauthorized();
  if (roles && !roles.includes(caller.role)) throw new ApiError('FORBIDDEN', `requires role ${roles.join(' or ')}`);
  return caller;
}
