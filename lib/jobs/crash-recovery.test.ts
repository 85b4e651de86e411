// A recompute killed halfway (its database connection terminated mid-transaction) leaves the dirty
// ranges in place; a new runner's sweep picks them up, and the aggregates then equal a full recompute
// from raw samples.
import { describe, expect, it } from 'vitest';
import { recordJobRun } from '@/lib/data/job-runs';
import { markHistoryDirty, recomputeDirtyRanges } from '@/lib/data/aggregation/recompute-user';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { pool, prisma } from '@/lib/db/client';
import { generateDemoData, DEMO_PROFILES } from '@/lib/demo';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createDevice, createUser } from '@/test/factories';
import { ALL_JOBS } from './all';
import { createInProcessRunner } from './runner';

async function seedUser() {
  const user = await createUser({ timeZone: 'America/New_York' });
  const data = generateDemoData({ profile: DEMO_PROFILES[0]!, days: 10, end: new Date('2026-03-12T12:00:00Z'), timeZone: 'America/New_York' });
  for (const [key, samples] of Object.entries(data)) {
    const device = await createDevice(user.id, key === 'watch' ? 'watch' : key === 'phone' ? 'phone' : 'scale', key);
    const batch = parseSyncBatch({ samples }, Date.now());
    await storeSyncBatch({ device: { id: device.id, userId: user.id, timeZone: 'America/New_York' }, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
  }
  return user.id;
}

async function snapshot(userId: string) {
  const { rows } = await pool().query(
    `SELECT type, period, period_start::text, round(value::numeric, 6)::text AS value, min, max, count, sources
     FROM health_aggregates WHERE user_id = $1 ORDER BY type, period, period_start`,
    [userId],
  );
  return rows;
}

describe('crash recovery', () => {
  it('a recompute killed mid-transaction changes nothing; the sweep finishes the work exactly', async () => {
    const userId = await seedUser();
    const dirtyBefore = await prisma.dirtyRange.count({ where: { userId } });
    expect(dirtyBefore).toBeGreaterThan(0);

    // Kill the recompute's connection while it holds the user's lock (mid-transaction).
    const killer = (async () => {
      for (let i = 0; i < 400; i++) {
        const { rows } = await pool().query(
          `SELECT pid FROM pg_stat_activity WHERE state <> 'idle' AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND datname = current_database()
             AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = pg_stat_activity.pid AND l.locktype = 'advisory')`,
        );
        if (rows[0]) return pool().query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error('never saw the recompute transaction');
    })();
    await expect(recomputeDirtyRanges(userId)).rejects.toThrow();
    await killer;
    expect(await prisma.healthAggregate.count({ where: { userId } })).toBe(0);
    expect(await prisma.dirtyRange.count({ where: { userId } })).toBe(dirtyBefore);

    // "Restart": a fresh runner; its sweep finds the dirty user and aggregates.
    const runner = createInProcessRunner({ jobs: ALL_JOBS, baseDelayMs: 10, record: (args, work) => recordJobRun({ ...args, mode: 'in-process' }, work) });
    await runner.dispatch([{ key: 'sweepRequested', data: {} }]);
    await runner.stop();
    expect(await prisma.dirtyRange.count({ where: { userId } })).toBe(0);
    const recovered = await snapshot(userId);
    expect(recovered.length).toBeGreaterThan(100);

    // A full recompute from raw samples gives the very same rows.
    await prisma.healthAggregate.deleteMany({ where: { userId } });
    await markHistoryDirty(userId);
    await recomputeDirtyRanges(userId);
    expect(await snapshot(userId)).toEqual(recovered);

    const runs = await prisma.jobRun.findMany({ where: { userId, functionId: 'aggregate' } });
    expect(runs.some((r) => r.status === 'SUCCEEDED')).toBe(true);
  });

  it('recomputing twice gives the same rows (idempotent)', async () => {
    const userId = await seedUser();
    await recomputeDirtyRanges(userId);
    const first = await snapshot(userId);
    await markHistoryDirty(userId);
    await recomputeDirtyRanges(userId);
    expect(await snapshot(userId)).toEqual(first);
  });
});
