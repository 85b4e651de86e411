// Password reset: a link to the account's address (30 minutes, single use) whose use sets a new password,
// ends every session of the account (session_version and the session rows), counts as proof that the
// person receives mail at the address (verifies it) and lifts the sign-in delay.
import { hashPassword } from '../auth/password';
import { hashToken } from '../auth/tokens';
import { prisma } from '../db/client';
import { enqueueMail } from '../mail/enqueue';
import { clearSignInBackoff } from '../security/sign-in-limit';
import { issueAccountToken, TOKEN_LIFETIME_MS, useAccountToken } from './account-tokens';
import { maybeDisplayName } from './profile-fields';
import { byEmail, decryptEmail } from './user-email';

/** Queues a reset link when the address has an enabled account; nothing otherwise (the caller answers the same). */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await prisma.user.findUnique({ where: byEmail(email), select: { id: true, emailIndex: true, disabledAt: true } });
  if (!user || user.disabledAt || !user.emailIndex) return;
  const emailIndexAtIssue = user.emailIndex;
  await prisma.$transaction(async (tx) => {
    const token = await issueAccountToken(tx, { userId: user.id, purpose: 'PASSWORD_RESET', emailIndex: emailIndexAtIssue });
    await enqueueMail(tx, { to: email, template: 'password-reset', data: { token, validMinutes: TOKEN_LIFETIME_MS.PASSWORD_RESET / 60_000 }, userId: user.id });
  });
}

/** Who a still-usable reset link belongs to (their address and name, for the password rule), or null. */
export async function findResetAccount(token: string): Promise<{ email: string; name: string | null } | null> {
  const row = await prisma.accountToken.findFirst({
    where: { tokenHash: hashToken(token), purpose: 'PASSWORD_RESET', usedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
    select: { user: { select: { id: true, emailCiphertext: true, profile: { select: { displayName: true } } } } },
  });
  if (!row) return null;
  const { user } = row;
  return { email: await decryptEmail(user.id, user.emailCiphertext), name: await maybeDisplayName(user.id, user.profile?.displayName ?? null) };
}

/** Uses the link and sets the password (already checked against the rule); false when the link is not usable. */
export async function confirmPasswordReset(token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  const done = await prisma.$transaction(async (tx) => {
    const used = await useAccountToken(tx, 'PASSWORD_RESET', token);
    if (!used) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id: used.userId }, select: { emailIndex: true, emailCiphertext: true, emailVerifiedAt: true, disabledAt: true } });
    if (user.disabledAt) return null;
    const now = new Date();
    await tx.user.update({
      where: { id: used.userId },
      data: {
        passwordHash,
        sessionVersion: { increment: 1 },
        // The link went to this address: whoever used it receives its mail.
        emailVerifiedAt: !user.emailVerifiedAt && used.emailIndex === user.emailIndex ? now : undefined,
      },
    });
    await tx.userSession.updateMany({ where: { userId: used.userId, revokedAt: null }, data: { revokedAt: now } });
    return { userId: used.userId, ciphertext: user.emailCiphertext };
  });
  if (!done) return false;
  await clearSignInBackoff(await decryptEmail(done.userId, done.ciphertext));
  return true;
}
