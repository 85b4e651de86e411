// Sign-in rate limits: per client address and account (an e-mail hash, never the address itself), and
// per client address alone. Checked before next-auth runs the password check (see proxy.ts).
import { env } from '../env';
import { enforceRateLimits } from './rate-limit';

/**
 * The client's address: the last X-Forwarded-For entry, the one added by the proxy in front of us (or by
 * Next.js from the socket when there is none); earlier entries are whatever the client claimed.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || headers.get('x-real-ip') || 'unknown';
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Throws the 429 (RATE_LIMITED with Retry-After) once this address or this address + account is over. */
export async function enforceSignInRateLimit(ip: string, email: string): Promise<void> {
  const limits = env().rateLimits;
  await enforceRateLimits([
    { rule: { scope: 'sign-in:ip+account', limit: limits.signInPerAccountPerMinute, windowSeconds: 60 }, subject: `${ip}\n${normalizeEmail(email)}` },
    { rule: { scope: 'sign-in:ip', limit: limits.signInPerIpPer10Minutes, windowSeconds: 600 }, subject: ip },
  ]);
}
