// How long a sign-in lasts: at most 12 hours after signing in, and 30 minutes without a request.
// Times are epoch seconds, kept in the session token (see lib/auth/options.ts).
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;

export type SessionTimes = { issuedAt?: number; lastSeenAt?: number };

export const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** Why a session has ended, or null while it is alive. A token without its times (older) has ended. */
export function sessionEndReason(times: SessionTimes, now: number): 'absolute-lifetime' | 'idle-timeout' | null {
  if (typeof times.issuedAt !== 'number' || typeof times.lastSeenAt !== 'number') return 'absolute-lifetime';
  if (now - times.issuedAt >= SESSION_ABSOLUTE_SECONDS) return 'absolute-lifetime';
  if (now - times.lastSeenAt >= SESSION_IDLE_SECONDS) return 'idle-timeout';
  return null;
}
