// Integration: the PostgreSQL rate-limit counter (atomic across concurrent callers, hashed keys).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../db/client';
import { enforceRateLimits, hitRateLimit, rateLimitKey } from './rate-limit';
import { enforceSignInRateLimit } from './sign-in-limit';

describe('hitRateLimit', () => {
  it('counts every request exactly once under concurrency and refuses past the limit', async () => {
    const rule = { scope: `test:${randomUUID()}`, limit: 15, windowSeconds: 3600 };
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(rule, 'subject')));
    // Unless an hour boundary fell in the middle, the counts are exactly 1..20.
    const counts = results.map((r) => r.count).sort((a, b) => a - b);
    if (counts[19] === 20) expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const refused = results.filter((r) => !r.allowed);
    expect(refused.length).toBe(results.filter((r) => r.count > 15).length);
    for (const r of results) {
      expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(r.retryAfterSeconds).toBeLessThanOrEqual(3600);
    }
  });

  it('keeps subjects apart', async () => {
    const rule = { scope: `test:${randomUUID()}`, limit: 1, windowSeconds: 3600 };
    expect((await hitRateLimit(rule, 'a')).allowed).toBe(true);
    expect((await hitRateLimit(rule, 'b')).allowed).toBe(true);
  });

  it('throws RATE_LIMITED with Retry-After once a rule is exceeded', async () => {
    const rule = { scope: `test:${randomUUID()}`, limit: 1, windowSeconds: 3600 };
    await enforceRateLimits([{ rule, subject: 'x' }]);
    // Two windows can separate the calls only at an hour boundary: try a third time then.
    const error = await enforceRateLimits([{ rule, subject: 'x' }])
      .then(() => enforceRateLimits([{ rule, subject: 'x' }]))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const seconds = Number((error as { headers: Record<string, string> }).headers['Retry-After']);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(3600);
  });
});

describe('enforceSignInRateLimit', () => {
  it('stores neither the e-mail address nor the IP in the clear', async () => {
    const email = `Someone-${randomUUID()}@Test.Example`;
    await enforceSignInRateLimit('203.0.113.7', email);
    const keys = (await prisma.rateLimit.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.some((key) => key.toLowerCase().includes(email.toLowerCase()) || key.includes('203.0.113.7'))).toBe(false);
    expect(keys).toContain(rateLimitKey('sign-in:ip+account', `203.0.113.7\n${email.toLowerCase()}`));
  });
});
