// Brings an archived month back into health_samples (same ids, so primary keys stay stable), marks
// its days dirty in the user's zone so its aggregation is replayed, and sets archives.restored_at.
// The file is kept: archiving the month again replaces it and clears restored_at.
import type pg from 'pg';
import { pool } from '../db/client';
import { parseMonth } from './month';
import { sampleArchiveKey } from './object-key';
import { objectStore, type ObjectStore } from './object-store';
import { insertRestoredSamples, markRestoredDaysDirty } from './restore-rows';
import { recordRun, type RunResult } from './run-record';
import { ensureSamplePartitionRange } from './sample-partitions';
import { type ArchivedSample, decodeSamples, sha256Hex } from './samples-parquet';

type ArchiveRow = { row_count: number; bytes: number; sha256: string };

// The file must be the one recorded: same size, same sha256, same rows, all of this user.
async function readArchive(store: ObjectStore, key: string, userId: string, archive: ArchiveRow): Promise<ArchivedSample[]> {
  const bytes = await store.get(key);
  if (!bytes) throw new Error(`archive ${key} is missing from the object store`);
  if (bytes.byteLength !== archive.bytes || sha256Hex(bytes) !== archive.sha256) {
    throw new Error(`archive ${key} does not match its recorded size and sha256`);
  }
  const samples = await decodeSamples(bytes);
  if (samples.length !== archive.row_count || samples.some((s) => s.userId !== userId)) {
    throw new Error(`archive ${key} does not hold the ${archive.row_count} rows recorded for this user`);
  }
  return samples;
}

async function findArchive(db: pg.Pool | pg.PoolClient, userId: string, firstDay: string) {
  const { rows } = await db.query<ArchiveRow>(
    'SELECT row_count, bytes, sha256 FROM archives WHERE user_id = $1 AND month = $2::date AND restored_at IS NULL',
    [userId, firstDay],
  );
  return rows[0] ?? null;
}

export async function restoreMonth({ userId, month, store }: { userId: string; month: string; store?: ObjectStore }): Promise<RunResult> {
  const m = parseMonth(month);
  const key = sampleArchiveKey(userId, m.key);
  return recordRun('RESTORE', async (counts) => {
    Object.assign(counts, { health_samples: 0, duplicates: 0, dirty_ranges: 0 });
    // Nothing archived (or already restored): nothing to do, so a retried restore is harmless.
    const archive = await findArchive(pool(), userId, m.firstDay);
    if (!archive) return;
    const samples = await readArchive(store ?? objectStore(), key, userId, archive);
    // DDL outside the transaction: creating a partition locks the parent table.
    await ensureSamplePartitionRange(m.start, m.start);

    const client = await pool().connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`archive:${userId}:${m.key}`]);
      // Checked again under the lock: a concurrent restore may have finished, or a re-archive replaced
      // the file we read, meanwhile.
      const current = await findArchive(client, userId, m.firstDay);
      if (current?.sha256 !== archive.sha256) {
        await client.query('ROLLBACK');
        if (current) throw new Error(`archive ${key} was replaced during the restore; run it again`);
        return;
      }
      counts.health_samples = await insertRestoredSamples(client, samples);
      counts.duplicates = samples.length - counts.health_samples;
      await client.query('UPDATE archives SET restored_at = now() WHERE user_id = $1 AND month = $2::date', [userId, m.firstDay]);
      counts.dirty_ranges = await markRestoredDaysDirty(client, userId, m, samples);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}
