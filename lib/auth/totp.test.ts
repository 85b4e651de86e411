// Unit: the TOTP parameters against RFC 6238's own test vectors (Appendix B, SHA-1: 6-digit codes are the
// last six digits of its 8-digit ones), the ±1 step window, and the enrolment URI.
import { describe, expect, it } from 'vitest';
import { matchTotpStep, newTotpSecret, normalizeTotpCode, totpCode, totpStep, totpUri } from './totp';

// The RFC's SHA-1 key "12345678901234567890" in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it.each(RFC_VECTORS)('matches the RFC test vector at T=%i', (seconds, eightDigits) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(eightDigits.slice(-6));
    expect(totpStep(seconds * 1000)).toBe(Math.floor(seconds / 30));
  });

  it('accepts the code of the step before and after, and no further', () => {
    const t = 1234567890 * 1000;
    const step = totpStep(t);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, t), t)).toBe(step);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, t - 30_000), t)).toBe(step - 1);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, t + 30_000), t)).toBe(step + 1);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, t - 60_000), t)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, t + 60_000), t)).toBeNull();
  });

  it('reads a code typed with a space, refuses anything but six digits', () => {
    expect(normalizeTotpCode(' 287 082 ')).toBe('287082');
    expect(normalizeTotpCode('28708')).toBeNull();
    expect(normalizeTotpCode('abcdef')).toBeNull();
    expect(matchTotpStep(RFC_SECRET, '287 082', 59_000)).toBe(1);
  });

  it('makes 160-bit base32 secrets and an otpauth URI with the issuer and account', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'dr@example.com'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Pulse:dr@example.com');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret, issuer: 'Pulse', algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
