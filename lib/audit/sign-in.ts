// Sign-in attempts in the audit log. The e-mail is never stored: a failed attempt carries a keyed hash
// of it (HMAC with the auth secret), enough to see repeated attempts on one address, not to read it.
import { createHmac } from 'node:crypto';
import { env } from '../env';
import { clientOf, recordAudit } from './record';

type RawHeaders = Record<string, string | string[] | undefined> | undefined;

export type SignInAttempt = {
  email: string;
  userId?: string;
  // two-factor-*: the password was right, the second step was not given or not right.
  failure: 'unknown-account' | 'wrong-password' | 'disabled' | 'two-factor-required' | 'two-factor-wrong' | null;
  /** On success: how the second step was passed, when there was one. */
  secondFactor?: 'code' | 'recovery-code';
  headers: RawHeaders;
};

function headerGetter(headers: RawHeaders) {
  return {
    get(name: string) {
      const value = headers?.[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

export async function recordSignIn({ email, userId, failure, secondFactor, headers }: SignInAttempt): Promise<void> {
  const client = clientOf(headerGetter(headers));
  if (failure || !userId) {
    const emailHmac = createHmac('sha256', env().authSecret).update(email).digest('hex').slice(0, 32);
    await recordAudit({
      action: 'auth.sign-in',
      outcome: 'FAILURE',
      targetType: userId ? 'user' : null,
      targetId: userId ?? null,
      details: { reason: failure ?? 'unknown-account', emailHmac },
      ...client,
    });
    return;
  }
  const details = secondFactor ? { secondFactor } : undefined;
  await recordAudit({ action: 'auth.sign-in', outcome: 'SUCCESS', actorUserId: userId, targetType: 'user', targetId: userId, ...(details ? { details } : {}), ...client });
}
