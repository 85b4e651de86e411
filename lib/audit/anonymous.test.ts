// Integration: anonymous refusals cannot grow the audit log one row per request: repeats from one address
// are summarised (the chain still verifies), and the link-share path answers 429 once they are.
import { randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool, prisma } from '../db/client';
import { fetchFrom, randomLoopback } from '@/test/from-address';
import { enforceAnonymousRefusalLimit } from './anonymous';
import { recordAudit, type AuditEntry } from './record';
import { verifyAuditChain } from './verify';

// A documentation address of this test's own, so no other test's rows share its counters.
const testAddress = () => `2001:db8:${randomInt(1, 0xffff).toString(16)}:${randomInt(1, 0xffff).toString(16)}::1`;
const rowsFrom = (ip: string) => prisma.auditLog.findMany({ where: { ip }, orderBy: { id: 'asc' } });
const guess = (ip: string, over: Partial<AuditEntry> = {}): AuditEntry => ({ action: 'share.link-opened', outcome: 'DENIED', targetType: 'share_tokens', ip, ...over });

// One 10-minute window holds: 3 identical rows in full, then a summary at 4, 8, 16, 32, 64, 128 (9 rows
// for 200); 50 rows of one action in full, then a summary at 64 and 128 (52). The tries may straddle
// two windows, so twice that at most.
describe('anonymous refusals in the audit log', () => {
  it('writes 200 identical refusals from one address as a few rows with their counts, and the chain verifies', async () => {
    const ip = testAddress();
    for (let i = 0; i < 200; i++) await recordAudit(guess(ip));
    const rows = await rowsFrom(ip);
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows.length).toBeLessThanOrEqual(2 * 9);
    const counts = rows.map((row) => (row.details as { repeatsInWindow?: number } | null)?.repeatsInWindow).filter((n) => n !== undefined);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(64);
    expect(await verifyAuditChain(pool())).toMatchObject({ ok: true });
  });

  it('bounds refusals that vary their target too, and answers 429 on the limited paths past 50', async () => {
    const ip = testAddress();
    for (let i = 0; i < 200; i++) await recordAudit(guess(ip, { targetId: randomUUID() }));
    const rows = await rowsFrom(ip);
    expect(rows.length).toBeLessThanOrEqual(2 * 52);
    // The address's window holds at least 50 refusals (two windows: one of them does, or a retry's window).
    let error = await enforceAnonymousRefusalLimit(ip, 'share.link-opened').catch((e: unknown) => e);
    if (!error) {
      for (let i = 0; i < 50; i++) await recordAudit(guess(ip, { targetId: randomUUID() }));
      error = await enforceAnonymousRefusalLimit(ip, 'share.link-opened').catch((e: unknown) => e);
    }
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    await expect(enforceAnonymousRefusalLimit(testAddress(), 'share.link-opened')).resolves.toBeUndefined();
    await expect(enforceAnonymousRefusalLimit(ip, 'auth.sign-in')).resolves.toBeUndefined();
  });

  it('writes every row that has an actor, and every success', async () => {
    const ip = testAddress();
    const actorUserId = randomUUID();
    await Promise.all(Array.from({ length: 60 }, () => recordAudit(guess(ip, { actorUserId }))));
    await Promise.all(Array.from({ length: 60 }, () => recordAudit(guess(ip, { outcome: 'SUCCESS' }))));
    expect(await rowsFrom(ip)).toHaveLength(120);
  });

  it('GET /share/:code: guesses from one address get 429 after 50 refusals, and further guesses add no row', { timeout: 180_000 }, async () => {
    const address = randomLoopback();
    const guessCode = async () => (await fetchFrom(address, `/share/${randomUUID()}`)).status;
    // At most two windows' worth (the window may end once during the loop).
    let refusals = 0;
    for (let status = await guessCode(); status !== 429 && refusals <= 2 * 50; status = await guessCode()) {
      expect(status).toBe(404);
      refusals += 1;
    }
    expect(refusals).toBeGreaterThanOrEqual(50);
    expect(refusals).toBeLessThanOrEqual(2 * 50);
    const rows = await rowsFrom(address);
    expect(rows.every((row) => row.action === 'share.link-opened' && row.outcome === 'DENIED')).toBe(true);
    for (let i = 0; i < 5; i++) expect(await guessCode()).toBe(429);
    expect(await rowsFrom(address)).toHaveLength(rows.length);
  });
});
