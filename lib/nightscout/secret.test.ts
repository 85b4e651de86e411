// Unit: a Nightscout site's secret is checked from the SHA-1 hex clients send, the SHA-512 hex, or itself.
import { describe, expect, it } from 'vitest';
import { generateApiSecret, secretMatches, sha1Hex } from './secret';

describe('Nightscout API secret', () => {
  it('is at least 12 characters and kept only as its hashes', () => {
    const { secret, secretSha1, secretSha512 } = generateApiSecret();
    expect(secret.length).toBeGreaterThanOrEqual(12);
    expect(secretSha1).toBe(sha1Hex(secret));
    expect(secretSha512).toMatch(/^[0-9a-f]{128}$/);
  });

  it('matches the SHA-1 hex in any case, the SHA-512 hex and the secret itself; nothing else', () => {
    const site = generateApiSecret();
    expect(secretMatches(site.secretSha1, site)).toBe(true);
    expect(secretMatches(site.secretSha1.toUpperCase(), site)).toBe(true);
    expect(secretMatches(site.secretSha512, site)).toBe(true);
    expect(secretMatches(site.secret, site)).toBe(true);
    expect(secretMatches(site.secret.toUpperCase() + 'x', site)).toBe(false);
    expect(secretMatches(sha1Hex('other secret'), site)).toBe(false);
    expect(secretMatches('', site)).toBe(false);
  });
});
