// Changing one's e-mail address: the current password is required; the new address waits (encrypted, in
// users.pending_email_*) until the link sent to it is used (lib/data/signup.ts verifyEmail), which makes
// it the account's address and tells the old one. An address someone else has answers the same (the
// pending address is stored either way), but its owner gets the "already registered" message instead.
import { verifyPassword } from '../auth/password';
import { emailIndex } from '../crypto/blind-index';
import { prisma } from '../db/client';
import { ApiError } from '../http/errors';
import { sendAlreadyRegistered, sendVerificationMail } from './signup';
import { byEmail, pendingEmailColumns } from './user-email';

const wrongPassword = () => new ApiError('VALIDATION_ERROR', 'request validation failed', [{ field: 'currentPassword', reason: 'is not your current password' }]);

export async function requestEmailChange(args: { userId: string; email: string; currentPassword: string }): Promise<{ pendingEmail: string }> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: args.userId }, select: { passwordHash: true, emailIndex: true } });
  if (!(await verifyPassword(user.passwordHash, args.currentPassword))) throw wrongPassword();
  if (emailIndex(args.email) === user.emailIndex) {
    throw new ApiError('VALIDATION_ERROR', 'request validation failed', [{ field: 'email', reason: 'is already your address' }]);
  }
  const taken = await prisma.user.findUnique({ where: byEmail(args.email), select: { id: true } });
  const pending = await pendingEmailColumns(args.userId, args.email);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: args.userId }, data: pending });
    if (taken) await sendAlreadyRegistered(tx, taken.id, args.email);
    else await sendVerificationMail(tx, args.userId, args.email);
  });
  return { pendingEmail: args.email };
}
