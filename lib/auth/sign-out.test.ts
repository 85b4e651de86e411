// Integration (HTTP): signing out through next-auth's own endpoint ends that session on the server, so
// a copy of its cookie kept from before is refused everywhere; the user's other sessions stay valid.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { prisma } from '../db/client';
import { startSession } from '../data/users';
import { env } from '../env';
import { SESSION_IDLE_SECONDS } from '../security/session-lifetime';
import { createUser, PASSWORD } from '@/test/factories';
import { api, baseUrl, signIn } from '@/test/http';

/** Signs out as a browser does: next-auth's CSRF token (bound to its cookie), then POST /api/auth/signout. */
async function signOut(cookie: string): Promise<number> {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl()}/api/auth/signout`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, callbackUrl: '/', json: 'true' }),
    redirect: 'manual',
  });
  // The answer clears the browser's cookie; the copy kept here is what an attacker would keep.
  expect(res.headers.getSetCookie().some((c) => /^next-auth\.session-token=;/.test(c))).toBe(true);
  return res.status;
}

const me = (cookie: string) => api('/api/v1/users/me', { cookie });

describe('signing out', () => {
  it('ends that session: its old cookie gets 401 from the API and /login from a page; another session stays valid', async () => {
    const user = await createUser();
    const first = (await signIn(user.email, PASSWORD))!;
    const second = (await signIn(user.email, PASSWORD))!;
    expect((await me(first)).status).toBe(200);
    expect((await me(second)).status).toBe(200);

    expect(await signOut(first)).toBe(200);

    expect((await me(first)).status).toBe(401);
    const page = await api('/dashboard', { cookie: first });
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get('location')!, baseUrl()).pathname).toBe('/login');
    expect((await me(second)).status).toBe(200);
    expect((await api('/dashboard', { cookie: second })).status).toBe(200);
  });

  it('records each sign-in as a session row and the sign-out as its revocation', async () => {
    const user = await createUser();
    const cookie = (await signIn(user.email, PASSWORD))!;
    const [session] = await prisma.userSession.findMany({ where: { userId: user.id } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null });
    await signOut(cookie);
    const after = await prisma.userSession.findUniqueOrThrow({ where: { id: session!.id } });
    expect(after.revokedAt).toBeInstanceOf(Date);
  });

  it('still ends every session of a user at once when the session version is bumped', async () => {
    const user = await createUser();
    const first = (await signIn(user.email, PASSWORD))!;
    const second = (await signIn(user.email, PASSWORD))!;
    await prisma.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(401);
  });

  it('refuses a validly signed token whose session id is missing, unknown or of another user', async () => {
    const user = await createUser();
    const other = await createUser();
    const now = Math.floor(Date.now() / 1000);
    const cookie = async (sid: string | undefined) =>
      `next-auth.session-token=${await encode({
        secret: env().authSecret,
        token: { uid: user.id, email: user.email, role: user.role, sv: 1, issuedAt: now, lastSeenAt: now, ...(sid ? { sid } : {}) },
        maxAge: SESSION_IDLE_SECONDS,
      })}`;
    expect((await me(await cookie(await startSession(user.id)))).status).toBe(200);
    expect((await me(await cookie(undefined))).status).toBe(401);
    expect((await me(await cookie(randomUUID()))).status).toBe(401);
    expect((await me(await cookie(await startSession(other.id)))).status).toBe(401);
  });
});
