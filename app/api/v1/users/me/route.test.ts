// Integration: GET /api/v1/users/me, sign-in through next-auth, and the per-request session checks
// (disabled users, bumped session versions, changed roles) against the real server and PostgreSQL.
import argon2 from 'argon2';
import { describe, expect, it, vi } from 'vitest';
import { authOptions } from '@/lib/auth/options';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, createUser, PASSWORD, setDisplayName } from '@/test/factories';
import { api, baseUrl, signIn } from '@/test/http';

const me = (cookie?: string) => api('/api/v1/users/me', { cookie });

/** One raw credentials sign-in attempt: status, redirect, body and the names of the cookies set. */
async function attemptSignIn(email: string, password: string) {
  const csrfRes = await fetch(`${baseUrl()}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  const body = await res.text();
  const cookieNames = res.headers.getSetCookie().map((c) => c.split('=')[0]!).sort();
  return { status: res.status, location: res.headers.get('location'), body, cookieNames };
}

describe('GET /api/v1/users/me', () => {
  it('answers the signed-in user with exactly id, email (verified, no change pending), role, name and time zone', async () => {
    const user = await createSignedInUser({ timeZone: 'Europe/Berlin' });
    const res = await me(user.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: user.id, email: user.email, emailVerified: true, pendingEmail: null, role: 'PATIENT', name: 'Test User', timeZone: 'Europe/Berlin' });
  });

  it.each(['DOCTOR', 'CAREGIVER', 'ADMIN'] as const)('answers a %s too', async (role) => {
    const user = await createSignedInUser({ role });
    const res = await me(user.cookie);
    expect(res.status).toBe(200);
    const approval = role === 'DOCTOR' ? { doctorApproval: 'APPROVED' } : {};
    expect(res.body).toEqual({ id: user.id, email: user.email, emailVerified: true, pendingEmail: null, ...approval, role, name: 'Test User', timeZone: 'UTC' });
  });

  it('reflects a profile change on the next request', async () => {
    const user = await createSignedInUser();
    await setDisplayName(user.id, 'Ada');
    await prisma.profile.update({ where: { userId: user.id }, data: { timeZone: 'Asia/Kolkata' } });
    expect((await me(user.cookie)).body).toMatchObject({ name: 'Ada', timeZone: 'Asia/Kolkata' });
  });

  it('never exposes the password hash or the session version', async () => {
    const user = await createSignedInUser();
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const text = JSON.stringify((await me(user.cookie)).body);
    expect(text).not.toContain(passwordHash);
    expect(text).not.toMatch(/password|sessionVersion/i);
  });

  it('answers 401 in the one error shape without a session, or with a forged or tampered cookie', async () => {
    const anonymous = await me();
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });

    expect((await me('next-auth.session-token=eyJhbGciOiJub25lIn0.e30.')).status).toBe(401);
    const user = await createSignedInUser();
    const tampered = user.cookie.replace(/next-auth\.session-token=([^;]+)/, (_m, jwe: string) => {
      const i = Math.floor(jwe.length / 2);
      return `next-auth.session-token=${jwe.slice(0, i)}${jwe[i] === 'A' ? 'B' : 'A'}${jwe.slice(i + 1)}`;
    });
    expect(tampered).not.toBe(user.cookie);
    expect((await me(tampered)).status).toBe(401);
  });
});

describe('sign-in', () => {
  it('signs in with the right password and an e-mail in any letter case', async () => {
    const user = await createUser();
    expect(await signIn(user.email, PASSWORD)).not.toBeNull();
    const upper = await signIn(user.email.toUpperCase(), PASSWORD);
    expect(upper).not.toBeNull();
    expect((await me(upper!)).body.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown e-mail identically, without a session cookie', async () => {
    const user = await createUser();
    const wrong = await attemptSignIn(user.email, 'not the password');
    const unknown = await attemptSignIn(`nobody-${user.id}@test.example`, 'not the password');
    expect(unknown).toEqual(wrong);
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.cookieNames).not.toContain('next-auth.session-token');
    expect(await signIn(user.email, 'not the password')).toBeNull();
    expect(await signIn(`nobody-${user.id}@test.example`, PASSWORD)).toBeNull();
  });

  it('runs the same argon2id verification for an unknown e-mail as for a wrong password (no enumeration by timing)', async () => {
    // Checked on the credentials check itself, in-process: the same hash work happens on both paths
    // (an unknown e-mail is verified against a dummy argon2id hash), not measured with a clock.
    const provider = authOptions().providers[0] as unknown as { options: { authorize: (c: Record<string, string>) => Promise<unknown> } };
    const authorize = (email: string) => provider.options.authorize({ email, password: 'not the password' });
    const user = await createUser();
    const verify = vi.spyOn(argon2, 'verify');
    try {
      expect(await authorize(user.email)).toBeNull();
      expect(await authorize(`nobody-${user.id}@test.example`)).toBeNull();
      expect(verify).toHaveBeenCalledTimes(2);
      const [wrongHash, unknownHash] = verify.mock.calls.map(([hash]) => hash);
      expect(wrongHash).toMatch(/^\$argon2id\$/);
      expect(unknownHash).toMatch(/^\$argon2id\$/); // a real argon2id hash with the same costs, not a shortcut
      expect(unknownHash!.split('$').slice(0, 4)).toEqual(wrongHash!.split('$').slice(0, 4));
    } finally {
      verify.mockRestore();
    }
  });

  it('refuses a disabled user with the right password, exactly like a wrong password', async () => {
    const disabled = await createUser({ disabled: true });
    expect(await signIn(disabled.email, PASSWORD)).toBeNull();
    const refused = await attemptSignIn(disabled.email, PASSWORD);
    const wrong = await attemptSignIn(disabled.email, 'not the password');
    expect([refused.status, refused.body, refused.cookieNames]).toEqual([wrong.status, wrong.body, wrong.cookieNames]);
  });
});

describe('sessions are re-checked on every request', () => {
  it('answers 401 on the next call after the user is disabled, and refuses a new sign-in', async () => {
    const user = await createSignedInUser();
    expect((await me(user.cookie)).status).toBe(200);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const res = await me(user.cookie);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect((await api('/api/v1/devices', { cookie: user.cookie })).status).toBe(401);
    expect(await signIn(user.email, PASSWORD)).toBeNull();
  });

  it('answers 401 on the next call after session_version is bumped; a new sign-in works', async () => {
    const user = await createSignedInUser();
    const otherSession = await signIn(user.email, PASSWORD);
    expect((await me(user.cookie)).status).toBe(200);
    await prisma.$executeRaw`UPDATE users SET session_version = session_version + 1 WHERE id = ${user.id}::uuid`;
    expect((await me(user.cookie)).status).toBe(401);
    expect((await me(otherSession!)).status).toBe(401);
    const fresh = await signIn(user.email, PASSWORD);
    expect(fresh).not.toBeNull();
    expect((await me(fresh!)).status).toBe(200);
  });

  it("answers 401 after the user's role changes (the session carries the old role)", async () => {
    const user = await createSignedInUser({ role: 'DOCTOR' });
    await prisma.user.update({ where: { id: user.id }, data: { role: 'PATIENT' } });
    expect((await me(user.cookie)).status).toBe(401);
    expect((await api('/api/v1/devices', { cookie: user.cookie })).status).toBe(401);
  });

  it('answers 401 after the user is deleted', async () => {
    const user = await createSignedInUser();
    await prisma.user.delete({ where: { id: user.id } });
    expect((await me(user.cookie)).status).toBe(401);
  });

  it('keeps other users signed in when one user is disabled', async () => {
    const a = await createSignedInUser();
    const b = await createSignedInUser();
    await prisma.user.update({ where: { id: a.id }, data: { disabledAt: new Date(), sessionVersion: { increment: 1 } } });
    expect((await me(b.cookie)).status).toBe(200);
  });
});
