// next-auth (v4) configuration: e-mail + password credentials, JWT sessions carrying id, role, the
// session version (bumped to end every session of a user) and the id of the server-side session row
// (revoked on sign-out), both checked on each request by getCaller, and the times that bound a session
// (absolute lifetime, idle timeout: lib/security/session-lifetime.ts). An account with two-factor sign-in
// also gives a code (or a recovery code) in the same form, once the password is right (lib/auth/two-factor.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { recordSignIn } from '../audit/sign-in';
import { env } from '../env';
import { findUserForSignIn, revokeSession, startSession } from '../data/users';
import { clearSignInBackoff } from '../security/sign-in-limit';
import { SESSION_IDLE_SECONDS, nowInSeconds, sessionEndReason } from '../security/session-lifetime';
import { decodeSessionToken, encodeSessionToken } from './jwt';
import { verifyPassword } from './password';
import { checkSignInSecondFactor } from './two-factor';
import { accountKeyOfEmail, clearSecondFactorTries } from './two-factor-limit';

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
  // The second step, when the account has two-factor sign-in: a code of the authenticator app or a recovery code.
  code: z.string().max(20).optional(),
  recoveryCode: z.string().max(40).optional(),
});

/**
 * The `error` a refused sign-in answers (next-auth puts a thrown message in the answer's URL) when the
 * password was right but the second step is missing or wrong. A wrong password, an unknown or a disabled
 * account all answer CredentialsSignin, so only someone who knows the password learns about the second step.
 */
export const SIGN_IN_ERRORS = { twoFactorRequired: 'TwoFactorRequired', twoFactorWrong: 'TwoFactorWrong' } as const;

export function authOptions(): NextAuthOptions {
  return {
    secret: env().authSecret,
    // The cookie and token expire after the idle timeout; each request that reads the session renews them
    // (up to the absolute lifetime, checked in the jwt callback).
    session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'E-mail and password',
        credentials: {
          email: { label: 'E-mail', type: 'email' },
          password: { label: 'Password', type: 'password' },
          code: { label: 'Authentication code', type: 'text' },
          recoveryCode: { label: 'Recovery code', type: 'text' },
        },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password, code, recoveryCode } = parsed.data;
          const user = await findUserForSignIn(email);
          // Same answer (null) and the same work for an unknown e-mail, a wrong password, a disabled user.
          const ok = await verifyPassword(user?.passwordHash ?? null, password);
          const failure = !user ? 'unknown-account' : !ok ? 'wrong-password' : user.disabledAt ? 'disabled' : null;
          const attempt = { email, userId: user?.id, headers: req?.headers };
          if (!user || failure) {
            await recordSignIn({ ...attempt, failure });
            return null; // counted by the account's sign-in delay (proxy.ts)
          }
          await clearSignInBackoff(email);
          // Tries of the second step are counted by the proxy too (lib/auth/two-factor-limit.ts).
          const second = await checkSignInSecondFactor(user.id, { code, recoveryCode });
          if (second === 'missing' || second === 'wrong') {
            await recordSignIn({ ...attempt, failure: second === 'missing' ? 'two-factor-required' : 'two-factor-wrong' });
            throw new Error(second === 'missing' ? SIGN_IN_ERRORS.twoFactorRequired : SIGN_IN_ERRORS.twoFactorWrong);
          }
          if (second === 'passed') await clearSecondFactorTries(accountKeyOfEmail(email));
          await recordSignIn({ ...attempt, failure: null, ...(second === 'passed' ? { secondFactor: code?.trim() ? 'code' : 'recovery-code' } : {}) });
          return { id: user.id, email, role: user.role, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        const now = nowInSeconds();
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.sid = await startSession(user.id);
          token.issuedAt = now;
          token.lastSeenAt = now;
          return token;
        }
        // Throwing makes next-auth clear the session cookie and answer "no session".
        const ended = sessionEndReason(token, now);
        if (ended) throw new Error(`session ended: ${ended}`);
        token.lastSeenAt = now;
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, email: token.email ?? '', role: token.role, sessionVersion: token.sv, sessionId: token.sid };
        return session;
      },
    },
    events: {
      // A copy of the cookie kept from before the sign-out is refused from now on (getCaller). next-auth
      // clears the browser's cookie even if this throws (it logs SIGNOUT_ERROR).
      async signOut({ token }) {
        if (token?.uid && token.sid) await revokeSession(token.uid, token.sid);
      },
    },
  };
}
