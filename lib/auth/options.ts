// next-auth (v4) configuration: e-mail + password credentials, JWT sessions carrying id, role, the
// session version (bumped to end every session of a user) and the id of the server-side session row
// (revoked on sign-out), both checked on each request by getCaller, and the times that bound a session
// (absolute lifetime, idle timeout: lib/security/session-lifetime.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { recordSignIn } from '../audit/sign-in';
import { env } from '../env';
import { findUserForSignIn, revokeSession, startSession } from '../data/users';
import { clearSignInBackoff } from '../security/sign-in-limit';
import { SESSION_IDLE_SECONDS, nowInSeconds, sessionEndReason } from '../security/session-lifetime';
import { verifyPassword } from './password';

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

export function authOptions(): NextAuthOptions {
  return {
    secret: env().authSecret,
    // The cookie and token expire after the idle timeout; each request that reads the session renews them
    // (up to the absolute lifetime, checked in the jwt callback).
    session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'E-mail and password',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await findUserForSignIn(parsed.data.email);
          // Same answer (null) and the same work for an unknown e-mail, a wrong password, a disabled user.
          const ok = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
          const failure = !user ? 'unknown-account' : !ok ? 'wrong-password' : user.disabledAt ? 'disabled' : null;
          await recordSignIn({ email: parsed.data.email, userId: user?.id, failure, headers: req?.headers });
          if (!user || !ok || user.disabledAt) return null; // counted by the account's sign-in delay (proxy.ts)
          await clearSignInBackoff(parsed.data.email);
          return { id: user.id, email: parsed.data.email, role: user.role, sessionVersion: user.sessionVersion };
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
