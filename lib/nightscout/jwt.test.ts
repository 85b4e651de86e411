// Unit: the JWTs of GET /api/v2/authorization/request: HS256 under a key of our own, valid 8 hours, naming
// the token's id (never the token); anything not signed by us, or changed, or another algorithm is forged;
// an expired one is only expired (no guess).
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JWT_LIFETIME_S, looksLikeJwt, signJwt, verifyJwt } from './jwt';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const tokenId = '6f1d2c3b-0000-4000-8000-000000000001';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Nightscout JWT', () => {
  it('is a standard HS256 JWT naming the token id, issued now, expiring in 8 hours', () => {
    const { jwt, claims } = signJwt(tokenId, T0);
    expect(looksLikeJwt(jwt)).toBe(true);
    const [header, payload] = jwt.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual({ sub: tokenId, iat: T0 / 1000, exp: T0 / 1000 + 8 * 3600 });
    expect(claims.exp - claims.iat).toBe(JWT_LIFETIME_S);
    expect(verifyJwt(jwt, T0 + 1000)).toEqual({ ok: true, claims });
  });

  it('expires after 8 hours: expired, not forged', () => {
    const { jwt } = signJwt(tokenId, T0);
    expect(verifyJwt(jwt, T0 + JWT_LIFETIME_S * 1000 - 1).ok).toBe(true);
    expect(verifyJwt(jwt, T0 + JWT_LIFETIME_S * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses as forged a changed payload, another key, `alg: none`, and what is not a JWT', () => {
    const { jwt } = signJwt(tokenId, T0);
    const [header, , signature] = jwt.split('.');
    const other = b64({ sub: '6f1d2c3b-0000-4000-8000-000000000002', iat: T0 / 1000, exp: T0 / 1000 + 3600 });
    expect(verifyJwt(`${header}.${other}.${signature}`, T0)).toEqual({ ok: false, reason: 'forged' });
    const foreignKey = createHmac('sha256', 'somebody else').update(`${header}.${other}`).digest('base64url');
    expect(verifyJwt(`${header}.${other}.${foreignKey}`, T0)).toEqual({ ok: false, reason: 'forged' });
    const none = b64({ alg: 'none', typ: 'JWT' });
    expect(verifyJwt(`${none}.${other}.`, T0)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyJwt(`${none}.${other}.${signature}`, T0)).toEqual({ ok: false, reason: 'forged' });
    for (const text of ['', 'a.b', `${jwt}.x`, 'mumsphone-0123456789abcdef0123456789abcdef']) expect(verifyJwt(text, T0).ok, text).toBe(false);
    expect(looksLikeJwt('mumsphone-0123456789abcdef0123456789abcdef')).toBe(false);
  });
});
