// Integration (test server, through server/index.mjs): the sign-in limits count the socket's address,
// not the X-Forwarded-For a client writes, and the per-account delay holds whatever the address; the
// audit row of a sign-in carries the socket's address too.
import { randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emailIndex } from '../crypto/blind-index';
import { prisma } from '../db/client';
import { createUser, PASSWORD } from '@/test/factories';
import { randomLoopback, signInFrom } from '@/test/from-address';
import { rateLimitKey } from './rate-limit';

// Addresses a client claims, from a range of this run's own (so no other test has used them).
const claimedRange = `10.${randomInt(0, 256)}.${randomInt(0, 256)}`;
const rotating = (i: number) => ({
  'x-forwarded-for': `${claimedRange}.${i + 1}`,
  'x-real-ip': `${claimedRange}.${i + 101}`,
  'x-pulse-client-ip': `${claimedRange}.${i + 201}`,
});

describe('sign-in limits', () => {
  it('refuses wrong passwords with a rotating X-Forwarded-For within 10 tries (429, Retry-After), counted on the socket address', async () => {
    const user = await createUser();
    const address = randomLoopback();
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await signInFrom(address, user.email, 'wrong password', rotating(i));
      expect(res.signedIn).toBe(false);
      statuses.push(res.status);
      if (res.status === 429) {
        const retryAfter = Number(res.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
        expect(res.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      }
    }
    expect(statuses.slice(0, 10)).toContain(429);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    // The per-address limits counted the socket's address; none of the addresses the client claimed.
    const keys = new Set((await prisma.rateLimit.findMany({ select: { key: true } })).map((row) => row.key));
    expect(keys.has(rateLimitKey('sign-in:ip', address))).toBe(true);
    expect(keys.has(rateLimitKey('sign-in:ip+account', `${address}\n${emailIndex(user.email)}`))).toBe(true);
    for (let i = 0; i < 24; i++) {
      for (const claimed of Object.values(rotating(i))) expect(keys.has(rateLimitKey('sign-in:ip', claimed))).toBe(false);
    }
  });

  it('holds an account whatever the client address, for a known and an unknown e-mail alike', async () => {
    for (const email of [(await createUser()).email, `nobody-${randomUUID()}@test.example`]) {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await signInFrom(randomLoopback(), email, 'wrong password', rotating(i))).status);
      expect(statuses.slice(0, 5)).not.toContain(429);
      expect(statuses).toContain(429);
      // The right password is refused too while the account waits (from yet another address).
      const right = await signInFrom(randomLoopback(), email, PASSWORD);
      expect(right.status).toBe(429);
      expect(right.signedIn).toBe(false);
    }
  });

  it('counts tries since the last successful sign-in only: the right password starts again', async () => {
    const user = await createUser();
    // From a new address each time, so only the account's delay could refuse.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await signInFrom(randomLoopback(), user.email, 'wrong password')).status).not.toBe(429);
      expect((await signInFrom(randomLoopback(), user.email, PASSWORD)).signedIn).toBe(true);
    }
  });

  it("audits a sign-in with the socket's address, not the one the client claimed", async () => {
    const user = await createUser();
    const address = randomLoopback();
    await signInFrom(address, user.email, 'wrong password', { 'x-forwarded-for': '203.0.113.99' });
    expect((await signInFrom(address, user.email, PASSWORD, { 'x-forwarded-for': '203.0.113.99' })).signedIn).toBe(true);
    const rows = await prisma.auditLog.findMany({ where: { action: 'auth.sign-in', targetId: user.id }, orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.outcome, row.ip])).toEqual([
      ['FAILURE', address],
      ['SUCCESS', address],
    ]);
  });
});
