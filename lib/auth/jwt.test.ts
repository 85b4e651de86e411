// The session token's own encoding reads and writes exactly next-auth's tokens (a cookie issued before
// stays valid, and the tests' tokens made with next-auth/jwt are read), and refuses what next-auth refuses.
import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken, encodeSessionToken } from './jwt';

const secret = 'a-test-secret-of-enough-length-0123456789';
const claims = { uid: 'u1', role: 'PATIENT' as const, sv: 3, sid: 's1', email: 'a@example.com' };

describe('session token encoding', () => {
  it('reads next-auth tokens and writes tokens next-auth reads', async () => {
    const theirs = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(claims);
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    const read = await decode({ token: ours, secret });
    expect(read).toMatchObject(claims);
    expect(read?.exp).toBeGreaterThan(Date.now() / 1000);
    expect(typeof read?.jti).toBe('string');
  });

  it('keeps a salt apart, as next-auth does', async () => {
    const salted = await encode({ token: claims, secret, salt: 'x', maxAge: 60 });
    expect(await decodeSessionToken({ token: salted, secret, salt: 'x' })).toMatchObject(claims);
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
  });

  it('refuses another secret, an expired token and a tampered one; no token is no session', async () => {
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token: ours, secret: `${secret}!` })).rejects.toThrow();
    const expired = await encodeSessionToken({ token: claims, secret, maxAge: -60 }); // past the 15 s tolerance
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    const parts = ours.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    await expect(decodeSessionToken({ token: parts.join('.'), secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
