// Integration: the PostgreSQL rate limits (atomic across concurrent callers, hashed keys): fixed windows,
// the growing delay, and the sign-in limits built on them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../db/client';
import { emailIndex } from '../crypto/blind-index';
import { clearBackoff, enforceRateLimits, hitBackoff, hitRateLimit, rateLimitKey } from './rate-limit';
import { clearSignInBackoff, enforceSignInRateLimit } from './sign-in-limit';

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

describe('hitBackoff', () => {
  const rule = () => ({ scope: `test:${randomUUID()}`, freeTries: 3, maxWaitSeconds: 60 });
  /** Moves the last counted try `seconds` into the past, as if that much time had gone by. */
  const age = (scope: string, subject: string, seconds: number) =>
    prisma.$executeRaw`UPDATE rate_limits SET window_start = window_start - make_interval(secs => ${seconds}::int) WHERE key = ${rateLimitKey(scope, subject)}`;

  it('lets the free tries through, then waits 2^n s after the n-th try, capped, and counts no refused try', async () => {
    const r = rule();
    expect((await Promise.all([1, 2, 3].map(() => hitBackoff(r, 's')))).map((x) => x.allowed)).toEqual([true, true, true]);
    const refused = await hitBackoff(r, 's');
    expect(refused).toMatchObject({ allowed: false, count: 3 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(8); // 2^3
    await age(r.scope, 's', 8);
    expect(await hitBackoff(r, 's')).toMatchObject({ allowed: true, count: 4 });
    expect((await hitBackoff(r, 's')).retryAfterSeconds).toBeGreaterThan(8); // 2^4 = 16 now
    await age(r.scope, 's', 16);
    await hitBackoff(r, 's'); // 5
    await age(r.scope, 's', 32);
    await hitBackoff(r, 's'); // 6: 2^6 = 64 s, capped at 60
    const capped = await hitBackoff(r, 's');
    expect(capped).toMatchObject({ allowed: false, count: 6 });
    expect(capped.retryAfterSeconds).toBeLessThanOrEqual(60);
    await age(r.scope, 's', 60);
    expect((await hitBackoff(r, 's')).allowed).toBe(true);
  });

  it('ends at once with clearBackoff, and by itself a day after the last try', async () => {
    const r = rule();
    for (let i = 0; i < 4; i++) await hitBackoff(r, 'a');
    await clearBackoff(r, 'a');
    expect(await hitBackoff(r, 'a')).toMatchObject({ allowed: true, count: 1 });
    for (let i = 0; i < 4; i++) await hitBackoff(r, 'b');
    await age(r.scope, 'b', 86_401);
    expect(await hitBackoff(r, 'b')).toMatchObject({ allowed: true, count: 1 });
  });
});

describe('enforceSignInRateLimit', () => {
  it('stores neither the e-mail address nor the IP in the clear', async () => {
    const email = `Someone-${randomUUID()}@Test.Example`;
    await enforceSignInRateLimit('203.0.113.7', email);
    const keys = (await prisma.rateLimit.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.some((key) => key.toLowerCase().includes(email.toLowerCase()) || key.includes('203.0.113.7'))).toBe(false);
    // The account is its blind index (an HMAC), so the key cannot be found again from a list of addresses.
    expect(keys).toContain(rateLimitKey('sign-in:ip+account', `203.0.113.7\n${emailIndex(email)}`));
    expect(keys).toContain(rateLimitKey('sign-in:account', emailIndex(email)));
    expect(keys).not.toContain(rateLimitKey('sign-in:ip+account', `203.0.113.7\n${email.toLowerCase()}`));
  });

  it('holds an account whatever the address: 429 on the 6th try in a row, until the right password clears it', async () => {
    const email = `someone-${randomUUID()}@test.example`;
    const addresses = Array.from({ length: 6 }, (_, i) => `198.51.100.${i + 1}`);
    for (const ip of addresses.slice(0, 5)) await enforceSignInRateLimit(ip, email);
    const refused = await enforceSignInRateLimit(addresses[5]!, email.toUpperCase()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    await clearSignInBackoff(email);
    await expect(enforceSignInRateLimit(addresses[5]!, email)).resolves.toBeUndefined();
  });
});
