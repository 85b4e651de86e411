// The session lifetime rules with an explicit clock.
import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, sessionEndReason } from './session-lifetime';

const signedIn = 1_800_000_000;

describe('sessionEndReason', () => {
  it('keeps a session alive while it is used within the idle timeout', () => {
    expect(sessionEndReason({ issuedAt: signedIn, lastSeenAt: signedIn }, signedIn + SESSION_IDLE_SECONDS - 1)).toBeNull();
    const lastSeenAt = signedIn + SESSION_ABSOLUTE_SECONDS - 60;
    expect(sessionEndReason({ issuedAt: signedIn, lastSeenAt }, lastSeenAt + 30)).toBeNull();
  });

  it('ends a session idle for the timeout', () => {
    expect(sessionEndReason({ issuedAt: signedIn, lastSeenAt: signedIn + 100 }, signedIn + 100 + SESSION_IDLE_SECONDS)).toBe('idle-timeout');
  });

  it('ends a session at its absolute lifetime however busy it is', () => {
    const now = signedIn + SESSION_ABSOLUTE_SECONDS;
    expect(sessionEndReason({ issuedAt: signedIn, lastSeenAt: now - 1 }, now)).toBe('absolute-lifetime');
  });

  it('ends a token that carries no times', () => {
    expect(sessionEndReason({}, signedIn)).toBe('absolute-lifetime');
  });
});
