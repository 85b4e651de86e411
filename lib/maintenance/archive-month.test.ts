// Archive → restore → archive again for one user's month (era 2011; every query scoped to the user).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool, prisma } from '@/lib/db/client';
import { decryptSampleMetadata } from '@/lib/data/sample-fields';
import { createUser } from '@/test/factories';
import { archiveMonth } from './archive-month';
import { sampleArchiveKey } from './object-key';
import { restoreMonth } from './restore-month';
import { sha256Hex } from './samples-parquet';
import { dirtyRangesOf, insertAggregate, insertRawSamples, tempStore } from './test-factories';

// Every column, read the way the archive reads it, so "the same rows back" means exactly that.
const rowsOf = async (userId: string) =>
  (await pool().query(
    `SELECT id::text, device_id, type::text, start_at, end_at, value, category, client_record_id, version, metadata, created_at
     FROM health_samples WHERE user_id = $1 ORDER BY start_at, id`,
    [userId],
  )).rows;

let archive: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => (archive = await tempStore()));
afterAll(() => archive.cleanup());

describe('archiveMonth and restoreMonth', () => {
  it('moves a month to Parquet, restores the same rows, and archives it again', async () => {
    const user = await createUser({ timeZone: 'Europe/Berlin' });
    await insertRawSamples([
      { userId: user.id, type: 'HEART_RATE', startAt: '2011-02-28T23:30:00Z', value: 60 }, // February: stays
      { userId: user.id, type: 'HEART_RATE', startAt: '2011-03-01T00:00:00Z', value: 61.5, metadata: { context: 'rest', n: [1, 2] } },
      { userId: user.id, type: 'STEPS', startAt: '2011-03-15T10:00:00.123Z', endAt: '2011-03-15T10:10:00.456Z', value: 812, clientRecordId: 'r-1', version: 2 },
      { userId: user.id, type: 'SLEEP_STATE', startAt: '2011-03-31T21:00:00Z', endAt: '2011-04-01T05:00:00Z', value: 480, category: 'asleepCore' },
      { userId: user.id, type: 'HEART_RATE', startAt: '2011-04-01T00:00:00Z', value: 62 }, // April: stays
    ]);
    await insertAggregate({ userId: user.id, type: 'STEPS', period: 'DAY', periodStart: '2011-03-15' });
    const before = await rowsOf(user.id);
    const march = before.slice(1, 4);
    const key = sampleArchiveKey(user.id, '2011-03');

    const archived = await archiveMonth({ userId: user.id, month: '2011-03', store: archive.store });
    const file = await archive.store.get(key);
    expect(file).not.toBeNull();
    expect(archived.counts).toEqual({ months: 1, health_samples: 3, bytes: file!.byteLength });
    expect((await rowsOf(user.id)).map((r) => r.id)).toEqual([before[0].id, before[4].id]);
    const record = await prisma.archive.findUniqueOrThrow({ where: { userId_month: { userId: user.id, month: new Date('2011-03-01') } } });
    expect(record).toMatchObject({ rowCount: 3, bytes: file!.byteLength, sha256: sha256Hex(file!), location: archive.store.locate(key), restoredAt: null });
    expect(await prisma.healthAggregate.count({ where: { userId: user.id } })).toBe(1); // aggregates stay

    // Archiving again is a no-op.
    expect((await archiveMonth({ userId: user.id, month: '2011-03', store: archive.store })).counts).toEqual({ months: 0, health_samples: 0, bytes: 0 });

    const restored = await restoreMonth({ userId: user.id, month: '2011-03', store: archive.store });
    expect(restored.counts).toEqual({ health_samples: 3, duplicates: 0, dirty_ranges: 3 });
    expect(await rowsOf(user.id)).toEqual(before);
    // The metadata ciphertext came back as it was, and still decrypts (bound to the sample's identity).
    const identity = (r: (typeof march)[number]) => ({ deviceId: r.device_id, clientRecordId: r.client_record_id, type: r.type, startMs: r.start_at.getTime(), endMs: r.end_at.getTime() });
    expect(march[0].metadata).not.toContain('rest');
    expect(await Promise.all(march.map((r) => decryptSampleMetadata(user.id, identity(r), r.metadata)))).toEqual([{ context: 'rest', n: [1, 2] }, null, null]);
    expect((await prisma.archive.findFirstOrThrow({ where: { userId: user.id } })).restoredAt).not.toBeNull();
    // Berlin days covering the UTC month (2011-03-31T23:59Z is April 1st there) and the sleep's end.
    expect(await dirtyRangesOf(user.id)).toEqual([
      ['HEART_RATE', '2011-03-01', '2011-04-01'],
      ['SLEEP_STATE', '2011-03-01', '2011-04-01'],
      ['STEPS', '2011-03-01', '2011-04-01'],
    ]);
    const run = await prisma.retentionRun.findUniqueOrThrow({ where: { id: restored.runId } });
    expect(run).toMatchObject({ kind: 'RESTORE', status: 'SUCCEEDED', counts: restored.counts });

    // A second restore has nothing to do.
    expect((await restoreMonth({ userId: user.id, month: '2011-03', store: archive.store })).counts.health_samples).toBe(0);

    // A restored month can be archived again.
    const again = await archiveMonth({ userId: user.id, month: '2011-03', store: archive.store });
    expect(again.counts.months).toBe(1);
    expect(await rowsOf(user.id)).toHaveLength(2);
    expect((await prisma.archive.findFirstOrThrow({ where: { userId: user.id } })).restoredAt).toBeNull();
  });

  it('keeps the rows and records FAILED when the stored file does not read back intact', async () => {
    const user = await createUser();
    await insertRawSamples([{ userId: user.id, type: 'WEIGHT', startAt: '2011-05-02T07:00:00Z', value: 70 }]);
    const corrupting = { ...archive.store, get: async () => new Uint8Array([1, 2, 3]) };

    const failed = await archiveMonth({ userId: user.id, month: '2011-05', store: corrupting }).catch((e: unknown) => e);
    expect(String(failed)).toMatch(/different sha256/);
    expect(await rowsOf(user.id)).toHaveLength(1);
    expect(await prisma.archive.count({ where: { userId: user.id } })).toBe(0);
    const run = await prisma.retentionRun.findFirstOrThrow({ where: { kind: 'ARCHIVE', error: { contains: sampleArchiveKey(user.id, '2011-05') } } });
    expect(run.status).toBe('FAILED');
    expect(run.finishedAt).not.toBeNull();
  });

  it('refuses to restore a file that no longer matches its record', async () => {
    const user = await createUser();
    await insertRawSamples([{ userId: user.id, type: 'WEIGHT', startAt: '2011-06-02T07:00:00Z', value: 70 }]);
    await archiveMonth({ userId: user.id, month: '2011-06', store: archive.store });
    await archive.store.put(sampleArchiveKey(user.id, '2011-06'), new Uint8Array([9]));

    await expect(restoreMonth({ userId: user.id, month: '2011-06', store: archive.store })).rejects.toThrow(/sha256/);
    expect(await rowsOf(user.id)).toHaveLength(0);
    expect((await prisma.archive.findFirstOrThrow({ where: { userId: user.id } })).restoredAt).toBeNull();
  });
});
