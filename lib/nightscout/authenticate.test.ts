// Integration (in process, real PostgreSQL): how a request's credentials resolve for a site, in
// cgm-remote-monitor's order (the secret, then a JWT, then an access token), and which failures count as
// guesses; the status a credential lacking the permission gets (401 for v1, 403 when asked, as API v3).
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNightscoutSite } from '@/lib/data/nightscout-sites';
import { createNightscoutToken } from '@/lib/data/nightscout-tokens';
import { ApiError } from '@/lib/http/errors';
import { peekRateLimit } from '@/lib/security/rate-limit';
import { createUser } from '@/test/factories';
import { authenticateSiteCredential, failureSubject, resolveSiteCredential, SECRET_FAILURES } from './authenticate';
import { signJwt } from './jwt';
import { generateApiSecret, sha1Hex } from './secret';
import { generateAccessToken } from './tokens';

let siteId: string;
let secret: string;
let readable: { id: string; token: string };

async function tokenOf(site: string, userId: string, role: 'readable' | 'admin') {
  const { token, ...digests } = generateAccessToken(role);
  return { id: (await createNightscoutToken(userId, site, { name: role, role, ...digests })).id, token };
}

beforeAll(async () => {
  const user = await createUser();
  const made = generateApiSecret();
  secret = made.secret;
  siteId = (await createNightscoutSite(user.id, { name: 'unit', ...made })).id;
  readable = await tokenOf(siteId, user.id, 'readable');
});

const request = (query = '', headers: Record<string, string> = {}) => new NextRequest(`http://pulse.test/ns/${siteId}/api/v1/entries${query}`, { headers });
const resolve = (req: NextRequest) => resolveSiteCredential(req, siteId);
const failures = async (req: NextRequest) => (await peekRateLimit(SECRET_FAILURES, failureSubject(req, siteId))).count;

describe('resolving a Nightscout credential', () => {
  it('takes the secret first, then a JWT, then an access token', async () => {
    expect((await resolve(request('', { 'api-secret': sha1Hex(secret) }))).credential?.kind).toBe('secret');
    const jwt = await resolve(request('', { authorization: `Bearer ${signJwt(readable.id).jwt}` }));
    expect(jwt.credential).toMatchObject({ kind: 'token', via: 'jwt', token: { id: readable.id } });
    expect((await resolve(request(`?token=${readable.token}`))).credential).toMatchObject({ kind: 'token', via: 'token' });
  });

  it('a right JWT beside a wrong secret holds, and counts nothing; a wrong one beside nothing right counts', async () => {
    const before = await failures(request());
    const held = await resolve(request('', { 'api-secret': sha1Hex('wrong'), authorization: `Bearer ${signJwt(readable.id).jwt}` }));
    expect(held.credential?.kind).toBe('token');
    expect(await failures(request())).toBe(before);
    // An expired JWT is no guess; a forged one is.
    const expired = signJwt(readable.id, Date.now() - 9 * 3600_000).jwt;
    expect(await resolve(request('', { authorization: `Bearer ${expired}` }))).toEqual({ credential: null, attempted: true });
    expect(await failures(request())).toBe(before);
    expect((await resolve(request('', { authorization: `Bearer ${expired.slice(0, -2)}xx` }))).credential).toBeNull();
    expect(await failures(request())).toBe(before + 1);
    // Nothing presented (AndroidAPS's empty Bearer included) is no attempt.
    expect(await resolve(request('', { authorization: 'Bearer ' }))).toEqual({ credential: null, attempted: false });
  });

  it('answers a credential lacking the permission 401, or 403 when asked (API v3)', async () => {
    const lacking = (options?: { lacking: 'FORBIDDEN' }) => authenticateSiteCredential(request(`?token=${readable.token}`), siteId, 'api:entries:create', options).catch((e: unknown) => e);
    expect(((await lacking()) as ApiError).status).toBe(401);
    expect(((await lacking({ lacking: 'FORBIDDEN' })) as ApiError).status).toBe(403);
    expect((await authenticateSiteCredential(request(`?token=${readable.token}`), siteId, 'api:entries:read')).kind).toBe('token');
  });
});
