// Attempts at a second factor (a code or a recovery code, at sign-in or in settings), per account:
// five at once, then a growing delay, as for passwords (lib/security/sign-in-limit.ts); a right code
// ends it. Keyed by the e-mail's blind index, like the password delay, so the proxy (which sees only
// the sign-in form) and the API routes (which see the user) count the same account.
import { emailIndex } from '../crypto/blind-index';
import { prisma } from '../db/client';
import { decryptEmail } from '../data/user-email';
import { clearBackoff, hitBackoff, rateLimited } from '../security/rate-limit';

const SECOND_FACTOR_BACKOFF = { scope: 'two-factor:account', freeTries: 5, maxWaitSeconds: 15 * 60 };

/** The account key of a sign-in form's e-mail. */
export const accountKeyOfEmail = (email: string) => emailIndex(email);

/** The account key of a user (the stored blind index, or computed for a row from before it existed). */
export async function accountKeyOfUser(userId: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailIndex: true, emailCiphertext: true } });
  return user.emailIndex ?? emailIndex(await decryptEmail(userId, user.emailCiphertext));
}

/** Counts one attempt; throws the 429 (Retry-After) while the account must wait. */
export async function countSecondFactorTry(accountKey: string): Promise<void> {
  const result = await hitBackoff(SECOND_FACTOR_BACKOFF, accountKey);
  if (!result.allowed) throw rateLimited(result.retryAfterSeconds);
}

export function clearSecondFactorTries(accountKey: string): Promise<void> {
  return clearBackoff(SECOND_FACTOR_BACKOFF, accountKey);
}

/** Runs a check of a user's code or password under the delay: counted first, the delay ended if it passes (returns). */
export async function underSecondFactorLimit<T>(userId: string, check: () => Promise<T>): Promise<T> {
  const key = await accountKeyOfUser(userId);
  await countSecondFactorTry(key);
  const result = await check();
  await clearSecondFactorTries(key);
  return result;
}
