// The check scans the whole database in a time window, so this file lives in an era no other test
// writes to: now = 2005-06-30, window of 400 days.
import { describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { createUser } from '@/test/factories';
import { runIntegrityCheck } from './integrity-check';
import { dirtyRangesOf, insertAggregate, insertRawSamples } from './test-factories';

const now = new Date('2005-06-30T12:00:00Z');

describe('runIntegrityCheck', () => {
  it('marks missing and orphaned days dirty in the local calendar, merged into ranges', async () => {
    const ny = await createUser({ timeZone: 'America/New_York' });
    const utc = await createUser({ timeZone: 'UTC' });
    const day = (userId: string, type: 'STEPS' | 'HEART_RATE' | 'SLEEP_STATE', periodStart: string) =>
      insertAggregate({ userId, type, period: 'DAY', periodStart });

    await insertRawSamples([
      // 02:00 UTC is still the 9th in New York: the missing day is the local one.
      { userId: ny.id, type: 'HEART_RATE', startAt: '2005-06-10T02:00:00Z' },
      // Two consecutive missing days: one range.
      { userId: ny.id, type: 'HEART_RATE', startAt: '2005-06-11T15:00:00Z' },
      { userId: ny.id, type: 'HEART_RATE', startAt: '2005-06-12T15:00:00Z' },
      // Has its aggregate.
      { userId: ny.id, type: 'HEART_RATE', startAt: '2005-06-20T15:00:00Z' },
      // Missing, but already waiting in dirty_ranges.
      { userId: ny.id, type: 'HEART_RATE', startAt: '2005-06-25T15:00:00Z' },
      // Steps across local midnight feed both days.
      { userId: ny.id, type: 'STEPS', startAt: '2005-06-17T03:30:00Z', endAt: '2005-06-17T04:30:00Z', value: 500 },
      // Outside the window.
      { userId: ny.id, type: 'HEART_RATE', startAt: '2004-01-10T15:00:00Z' },
      // One sleep session over midnight: its minutes belong to the 8th, where it ends.
      { userId: utc.id, type: 'SLEEP_STATE', startAt: '2005-06-07T22:00:00Z', endAt: '2005-06-07T23:30:00Z', value: 90, category: 'asleepCore' },
      { userId: utc.id, type: 'SLEEP_STATE', startAt: '2005-06-08T00:15:00Z', endAt: '2005-06-08T06:00:00Z', value: 345, category: 'asleepCore' },
    ]);
    await day(ny.id, 'HEART_RATE', '2005-06-20');
    await day(ny.id, 'STEPS', '2005-06-15'); // orphaned: no steps that day
    await day(ny.id, 'STEPS', '2005-06-16');
    await day(ny.id, 'STEPS', '2005-06-17');
    await day(utc.id, 'SLEEP_STATE', '2005-06-08');
    await pool().query(`INSERT INTO dirty_ranges (user_id, type, day_from, day_to) VALUES ($1, 'HEART_RATE', '2005-06-24', '2005-06-26')`, [ny.id]);
    // An archived month keeps its aggregates without raw rows: not orphaned. The next month is.
    await pool().query(`INSERT INTO archives (user_id, month, location, row_count, bytes, sha256) VALUES ($1, '2005-03-01', 'x', 1, 1, 'x')`, [utc.id]);
    await day(utc.id, 'STEPS', '2005-03-10');
    await day(utc.id, 'STEPS', '2005-04-10');

    const result = await runIntegrityCheck({ now });

    expect(await dirtyRangesOf(ny.id)).toEqual([
      ['HEART_RATE', '2005-06-09', '2005-06-09'],
      ['HEART_RATE', '2005-06-11', '2005-06-12'],
      ['HEART_RATE', '2005-06-24', '2005-06-26'],
      ['STEPS', '2005-06-15', '2005-06-15'],
    ]);
    expect(await dirtyRangesOf(utc.id)).toEqual([['STEPS', '2005-04-10', '2005-04-10']]);
    // Counts cover the whole database; this era holds only this test's rows.
    expect(result.counts).toEqual({ missing: 4, orphaned: 2, dirty_ranges: 4 });
    const run = await prisma.retentionRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ kind: 'INTEGRITY', status: 'SUCCEEDED', counts: result.counts });

    // Nothing new the second time: every finding is already waiting in dirty_ranges.
    expect((await runIntegrityCheck({ now })).counts.dirty_ranges).toBe(0);
  });

  it('rejects a window that is not a positive number of days', async () => {
    await expect(runIntegrityCheck({ now, days: 0 })).rejects.toThrow(/days/);
  });
});
