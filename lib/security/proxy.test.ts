// Integration (test server): proxy.ts and next.config.ts — security headers, cross-site mutations
// refused, sign-in rate limit, session lifetime, and `x-middleware-subrequest` bypassing nothing.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from '../env';
import { startSession } from '../data/users';
import { createDevice, createSignedInUser, createUser, PASSWORD } from '@/test/factories';
import { api, baseUrl } from '@/test/http';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from './session-lifetime';

const EVIL = 'https://evil.example';
const SUBREQUEST_HEADERS = [
  'middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'proxy:proxy:proxy:proxy:proxy',
  'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
  'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy',
];

/** One credentials sign-in attempt, as the login form makes it. */
async function attemptSignIn(email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
}

const hasSession = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='));

let patient: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  patient = await createSignedInUser();
});

describe('security headers', () => {
  it('puts a CSP with a fresh nonce, and the other headers, on pages', async () => {
    const first = await fetch(`${baseUrl()}/login`);
    const second = await fetch(`${baseUrl()}/login`);
    const csp = first.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    // Next.js puts the nonce on the scripts it renders.
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(first.headers.get('permissions-policy')).toContain('camera=()');
  });

  it('marks API answers no-store', async () => {
    const res = await api('/api/v1/users/me', { cookie: patient.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('cross-site mutations', () => {
  it('refuses a cookie-authenticated mutation from another site before the handler runs', async () => {
    for (const headers of [{ origin: EVIL }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const res = await api('/api/v1/users/me/settings', { method: 'PATCH', json: {}, cookie: patient.cookie, headers });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'cross-site request refused' });
    }
  });

  it('lets same-origin mutations and device requests (bearer token, no cookie) through', async () => {
    const sameOrigin = await api('/api/v1/users/me/settings', { method: 'PATCH', json: {}, cookie: patient.cookie, headers: { origin: baseUrl() } });
    expect(sameOrigin.status).not.toBe(403);
    const device = await createDevice(patient.id);
    const sync = await api(`/api/v1/devices/${device.id}/sync`, { method: 'POST', body: 'x', token: device.token, headers: { origin: EVIL } });
    expect(sync.status).toBe(415);
  });
});

describe('x-middleware-subrequest', () => {
  // Generous timeout: the first visit of a page compiles it on the dev server.
  it.each(SUBREQUEST_HEADERS)('bypasses nothing (%s): the proxy and the auth checks still run', { timeout: 240_000 }, async (value) => {
    const headers = { 'x-middleware-subrequest': value };
    const crossSite = await api('/api/v1/users/me/settings', { method: 'PATCH', json: {}, cookie: patient.cookie, headers: { ...headers, origin: EVIL } });
    expect(crossSite.status).toBe(403);
    expect((await api('/api/v1/users/me', { headers })).status).toBe(401);
    const page = await api('/dashboard', { headers });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    expect(page.headers.get('location')).toContain('/login');
    expect((await fetch(`${baseUrl()}/login`, { headers })).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After past the per-account limit, without checking the password', async () => {
    const user = await createUser();
    const limit = env().rateLimits.signInPerAccountPerMinute;
    let limited: Response | undefined;
    // At most two windows' worth of attempts (the counter may roll over once during the loop).
    for (let attempt = 0; attempt <= 2 * limit && !limited; attempt++) {
      const res = await attemptSignIn(user.email, 'wrong password', { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' });
      if (res.status === 429) limited = res;
      else expect(hasSession(res)).toBe(false);
    }
    expect(limited?.status).toBe(429);
    const retryAfter = Number(limited!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = await limited!.json();
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(new URL(body.url).searchParams.get('error')).toBe('RateLimited');

    // The right password is refused too while limited (with differently-cased e-mail: the same account).
    const right = await attemptSignIn(user.email.toUpperCase(), PASSWORD);
    expect(right.status).toBe(429);
    expect(hasSession(right)).toBe(false);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const user = await createUser();
    const wrong = await attemptSignIn(user.email, 'wrong password');
    const unknown = await attemptSignIn(`nobody-${randomUUID()}@test.example`, 'wrong password');
    expect(unknown.status).toBe(wrong.status);
    const url = async (res: Response) => new URL((await res.json()).url).search;
    expect(await url(unknown)).toBe(await url(wrong));
    expect(hasSession(wrong) || hasSession(unknown)).toBe(false);
  });
});

describe('session lifetime', () => {
  const tokenCookie = async (times: { issuedAt: number; lastSeenAt: number }) => {
    const user = await createUser();
    const token = await encode({
      secret: env().authSecret,
      token: { uid: user.id, email: user.email, role: user.role, sv: 1, sid: await startSession(user.id), ...times },
      maxAge: SESSION_IDLE_SECONDS,
    });
    return `next-auth.session-token=${token}`;
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a session inside both limits', async () => {
    const cookie = await tokenCookie({ issuedAt: now() - 3600, lastSeenAt: now() - 60 });
    expect((await api('/api/v1/users/me', { cookie })).status).toBe(200);
  });

  it('ends a session past its absolute lifetime, however recently used', async () => {
    const cookie = await tokenCookie({ issuedAt: now() - SESSION_ABSOLUTE_SECONDS - 1, lastSeenAt: now() - 60 });
    expect((await api('/api/v1/users/me', { cookie })).status).toBe(401);
  });

  it('ends a session idle past the timeout', async () => {
    const cookie = await tokenCookie({ issuedAt: now() - 3600, lastSeenAt: now() - SESSION_IDLE_SECONDS - 1 });
    expect((await api('/api/v1/users/me', { cookie })).status).toBe(401);
  });
});
