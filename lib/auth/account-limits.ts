// Abuse limits of the routes that send account e-mail to an address someone types (sign-up, password
// reset, verification resend, e-mail change): per address, keyed by its blind index (whoever asks), and
// per client IP, per hour. Counted before anything else is done, the same for known and unknown
// addresses, so the answer says nothing about whether an account exists.
import { emailIndex } from '../crypto/blind-index';
import { env } from '../env';
import { enforceRateLimits } from '../security/rate-limit';

export type AccountMailAction = 'signup' | 'password-reset' | 'verify-email' | 'email-change';

const HOUR = 3600;

/** Throws the 429 (RATE_LIMITED, Retry-After) when this address or this client is over its hourly limit. */
export async function enforceAccountMailLimits(action: AccountMailAction, args: { email: string; ip: string | null }): Promise<void> {
  const limits = env().rateLimits;
  await enforceRateLimits([
    { rule: { scope: `${action}:address`, limit: limits.accountMailPerAddressPerHour, windowSeconds: HOUR }, subject: emailIndex(args.email) },
    { rule: { scope: `${action}:ip`, limit: limits.accountMailPerIpPerHour, windowSeconds: HOUR }, subject: args.ip ?? 'unknown' },
  ]);
}
