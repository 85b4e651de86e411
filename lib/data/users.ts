// Users: sign-in lookup, the active-user check behind every session, and the caller's own record.
import { prisma } from '../db/client';
import { maybeDisplayName } from './profile-fields';
import { byEmail, decryptEmail } from './user-email';

export function findUserForSignIn(email: string) {
  return prisma.user.findUnique({
    where: byEmail(email),
    select: { id: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
}

export function findActiveUser(id: string) {
  return prisma.user.findFirst({
    where: { id, disabledAt: null },
    select: { id: true, role: true, sessionVersion: true },
  });
}

export async function findMe(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, emailCiphertext: true, role: true, profile: { select: { displayName: true, timeZone: true } } },
  });
  return {
    id: user.id,
    email: await decryptEmail(user.id, user.emailCiphertext),
    role: user.role,
    name: await maybeDisplayName(user.id, user.profile?.displayName ?? null),
    timeZone: user.profile?.timeZone ?? 'UTC',
  };
}
