// Sign-in rate limits, checked before next-auth runs the password check (see proxy.ts): per client
// address (an IPv6 /64), per address and account, and per account whatever the address (a growing delay).
// Accounts are keyed by the e-mail's blind index (an HMAC), never the address itself, known or not.
import { emailIndex } from '../crypto/blind-index';
import { env } from '../env';
import { clearBackoff, enforceRateLimits, hitBackoff, rateLimited } from './rate-limit';

import { addressBucket } from './client-address';
export { clientIp } from './client-address';

/**
 * The tries on one account since its last successful sign-in, from any address: 5 at once, then each
 * one 2^n s after the last (n tries so far: 32 s after the 5th), at most 15 min apart. It ends by itself
 * (the delay caps; the count lapses a day after the last try) and at once with the right password.
 */
const ACCOUNT_BACKOFF = { scope: 'sign-in:account', freeTries: 5, maxWaitSeconds: 15 * 60 };

/** Throws the 429 (RATE_LIMITED with Retry-After) once this address, address + account, or account is over. */
export async function enforceSignInRateLimit(ip: string | null, email: string): Promise<void> {
  const limits = env().rateLimits;
  const address = addressBucket(ip);
  const account = emailIndex(email);
  await enforceRateLimits([
    { rule: { scope: 'sign-in:ip+account', limit: limits.signInPerAccountPerMinute, windowSeconds: 60 }, subject: `${address}\n${account}` },
    { rule: { scope: 'sign-in:ip', limit: limits.signInPerIpPer10Minutes, windowSeconds: 600 }, subject: address },
  ]);
  if (!email.trim()) return; // not a sign-in next-auth would check
  const backoff = await hitBackoff(ACCOUNT_BACKOFF, account);
  if (!backoff.allowed) throw rateLimited(backoff.retryAfterSeconds);
}

/** The right password ends the account's delay (called by the credentials check, lib/auth/options.ts). */
export function clearSignInBackoff(email: string): Promise<void> {
  return clearBackoff(ACCOUNT_BACKOFF, emailIndex(email));
}
