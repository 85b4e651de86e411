// Unit: access tokens have Nightscout's `<name-slug>-<hex>` shape with 128 random bits, are kept only as
// their SHA-256 and SHA-1, and are found from the token itself or from its SHA-1 (what xDrip+, Loop and
// Trio send in `api-secret`).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateAccessToken, tokenLookup, tokenSlug } from './tokens';

describe('Nightscout access tokens', () => {
  it('look like Nightscout’s (`<name-slug>-<hex>`), with 32 random hex digits', () => {
    const { token } = generateAccessToken("Mum's phone (Nightguard)");
    expect(token).toMatch(/^mumsphonen-[0-9a-f]{32}$/);
    expect(generateAccessToken("Mum's phone (Nightguard)").token).not.toBe(token);
    expect(tokenSlug('Ärztin')).toBe('rztin');
    expect(tokenSlug('💙')).toBe('token');
  });

  it('are kept as their SHA-256 and SHA-1 only', () => {
    const { token, tokenSha256, tokenSha1 } = generateAccessToken('Loop');
    expect(tokenSha256).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokenSha1).toBe(createHash('sha1').update(token).digest('hex'));
  });

  it('are found from the token or from its SHA-1 hex (any case)', () => {
    const { token, tokenSha256, tokenSha1 } = generateAccessToken('xdrip');
    expect(tokenLookup(token)).toEqual({ tokenSha256 });
    expect(tokenLookup(tokenSha1.toUpperCase())).toMatchObject({ tokenSha1 });
    expect(tokenLookup('')).toBeNull();
    expect(tokenLookup('x'.repeat(201))).toBeNull();
  });
});
