// Integration: the development test server (next dev, no NEXTAUTH_SECRET) no longer accepts what anyone
// could sign with the secret that used to be in the source: neither an admin session nor a share grant.
import { createHmac } from 'node:crypto';
import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { GRANT_COOKIE, GRANT_MAX_AGE_S, signGrant } from '@/app/share/grant';
import { env } from '@/lib/env';
import { createSignedInUser, setDisplayName } from '@/test/factories';
import { api } from '@/test/http';
import { SESSION_IDLE_SECONDS } from './session-lifetime';

const OLD_DEV_SECRET = 'dev-only-secret-do-not-use-in-production-0123456789';

describe('the old development secret', { timeout: 120_000 }, () => {
  it('cannot sign an admin session', async () => {
    const admin = await createSignedInUser({ role: 'ADMIN' });
    const token = admin.cookie.split('; ').find((c) => c.startsWith('next-auth.session-token='))!.split('=')[1]!;
    expect((await api('/api/v1/admin/users', { cookie: `next-auth.session-token=${token}` })).status).toBe(200);

    // The very same claims, signed with the old constant: what an attacker could mint for any user id.
    const claims = await decode({ token, secret: env().authSecret });
    const forged = await encode({ token: claims!, secret: OLD_DEV_SECRET, maxAge: SESSION_IDLE_SECONDS });
    expect((await api('/api/v1/admin/users', { cookie: `next-auth.session-token=${forged}` })).status).toBe(401);
    expect((await api('/api/v1/users/me', { cookie: `next-auth.session-token=${forged}` })).status).toBe(401);
  });

  it('cannot sign a grant for a link share', async () => {
    const patient = await createSignedInUser();
    await setDisplayName(patient.id, 'Sam Forgery');
    const share = await api<{ id: string }>('/api/v1/shares', {
      cookie: patient.cookie,
      json: { types: ['STEPS'], from: '2026-10-01', to: '2026-10-10', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    });
    expect(share.status).toBe(201);
    const genuine = await api<string>('/shared', { cookie: `${GRANT_COOKIE}=${signGrant(share.body.id)}` });
    expect(genuine.status).toBe(200);
    expect(genuine.body).toContain('Sam Forgery');

    const payload = `${share.body.id}.${Math.floor(Date.now() / 1000) + GRANT_MAX_AGE_S}`;
    const mac = createHmac('sha256', OLD_DEV_SECRET).update(`share-grant:${payload}`).digest('base64url');
    const forged = await api<string>('/shared', { cookie: `${GRANT_COOKIE}=${payload}.${mac}` });
    expect(forged.status).toBe(404);
    expect(forged.body).not.toContain('Sam Forgery');
  });
});
