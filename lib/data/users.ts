// Users: sign-in lookup, the active-user check behind every session, and the caller's own record.
import { prisma } from '../db/client';
import { maybeDisplayName } from './profile-fields';

export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, email: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
}

export function findActiveUser(id: string) {
  return prisma.user.findFirst({
    where: { id, disabledAt: null },
    select: { id: true, email: true, role: true, sessionVersion: true },
  });
}

export async function findMe(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, role: true, profile: { select: { displayName: true, timeZone: true } } },
  });
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    name: await maybeDisplayName(user.id, user.profile?.displayName ?? null),
    timeZone: user.profile?.timeZone ?? 'UTC',
  };
}
