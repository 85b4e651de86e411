// Unit: when a share is active (the clock is a parameter), and the share body's validation.
import { describe, expect, it } from 'vitest';
import { isShareActive, shareInputSchema } from './shares';

const NOW = new Date('2026-11-22T12:00:00Z');

describe('isShareActive', () => {
  it('is active until its expiry, exclusive', () => {
    expect(isShareActive({ expiresAt: new Date(NOW.getTime() + 1), revokedAt: null }, NOW)).toBe(true);
    expect(isShareActive({ expiresAt: NOW, revokedAt: null }, NOW)).toBe(false);
    expect(isShareActive({ expiresAt: new Date(NOW.getTime() - 1), revokedAt: null }, NOW)).toBe(false);
  });

  it('a revoked share is never active, even before its expiry', () => {
    expect(isShareActive({ expiresAt: new Date(NOW.getTime() + 86_400_000), revokedAt: new Date(NOW.getTime() - 1) }, NOW)).toBe(false);
  });
});

describe('shareInputSchema', () => {
  const valid = { types: ['STEPS'], from: '2026-10-01', to: '2026-10-01', expiresAt: new Date(Date.now() + 3_600_000).toISOString() };

  it('accepts a one-day share and drops unknown fields such as patientId', () => {
    const parsed = shareInputSchema.parse({ ...valid, patientId: 'someone-else' });
    expect(parsed).toEqual(valid);
  });

  it('names the field at fault', () => {
    const fields = (over: object) => shareInputSchema.safeParse({ ...valid, ...over }).error?.issues.map((i) => i.path.join('.'));
    expect(fields({ types: ['STEPS', 'NOPE'] })).toEqual(['types.1']);
    expect(fields({ from: '2026-10-02' })).toEqual(['from']);
    expect(fields({ expiresAt: 'tomorrow' })).toEqual(['expiresAt']);
    expect(fields({ expiresAt: new Date(Date.now() - 1000).toISOString() })).toEqual(['expiresAt']);
  });
});
