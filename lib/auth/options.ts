// next-auth (v4) configuration: e-mail + password credentials, JWT sessions carrying id, role and the
// session version (bumped to end every session of a user; checked on each request by getCaller).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { recordSignIn } from '../audit/sign-in';
import { env } from '../env';
import { findUserForSignIn } from '../data/users';
import { verifyPassword } from './password';

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: env().authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
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
          if (!user || !ok || user.disabledAt) return null;
          return { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, email: token.email ?? '', role: token.role, sessionVersion: token.sv };
        return session;
      },
    },
  };
}
