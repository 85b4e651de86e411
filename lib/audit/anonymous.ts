// Refusals with no user and no device behind them (failed sign-ins, share-code guesses, unauthenticated
// API calls, bad device tokens) are the audit rows anyone can cause at will, so their repeats are
// summarised rather than written one per request. Per client address (an IPv6 /64) and 10-minute
// window: the first 3 identical rows (same action, outcome, subject and details) and the first 50 of one
// action and outcome are written in full; past either, only a summary row at each power of two of that
// count, carrying both counts. Summaries are ordinary rows of the hash chain (written by recordAudit).
import { addressBucket } from '../security/client-address';
import { hitRateLimit, peekRateLimit, rateLimited } from '../security/rate-limit';
import type { AuditEntry } from './record';

const WINDOW_SECONDS = 600;
const SAME = { scope: 'audit:anonymous-same', limit: 3, windowSeconds: WINDOW_SECONDS };
const ACTION = { scope: 'audit:anonymous-action', limit: 50, windowSeconds: WINDOW_SECONDS };

export const isAnonymousRefusal = (entry: AuditEntry) => !entry.actorUserId && !entry.actorDeviceId && entry.outcome !== 'SUCCESS';

const actionKey = (ip: string | null | undefined, action: string, outcome: string) => `${addressBucket(ip ?? null)}\n${action}\n${outcome}`;
const isPowerOfTwo = (n: number) => (n & (n - 1)) === 0;

/** What to write for an anonymous refusal: the entry itself, a summary of its repeats so far, or nothing. */
export async function throttleAnonymousRefusal(entry: AuditEntry): Promise<AuditEntry | null> {
  const ofAction = actionKey(entry.ip, entry.action, entry.outcome);
  const ofSame = `${ofAction}\n${JSON.stringify([entry.targetType, entry.targetId, entry.patientId, entry.details])}`;
  const [same, action] = await Promise.all([hitRateLimit(SAME, ofSame), hitRateLimit(ACTION, ofAction)]);
  if (same.allowed && action.allowed) return entry;
  if (!(!same.allowed && isPowerOfTwo(same.count)) && !(!action.allowed && isPowerOfTwo(action.count))) return null;
  return { ...entry, details: { ...entry.details, repeatsInWindow: same.count, actionRepeatsInWindow: action.count } };
}

/**
 * For the unauthenticated paths that write audit rows (link-share codes): the 429 once this address has
 * had 50 anonymous refusals of `action` in the current window, when its rows are only summarised.
 */
export async function enforceAnonymousRefusalLimit(ip: string | null, action: string): Promise<void> {
  const counts = await Promise.all(['DENIED', 'FAILURE'].map((outcome) => peekRateLimit(ACTION, actionKey(ip, action, outcome))));
  const refused = counts.filter((count) => !count.allowed);
  if (refused.length > 0) throw rateLimited(Math.max(...refused.map((count) => count.retryAfterSeconds)));
}
