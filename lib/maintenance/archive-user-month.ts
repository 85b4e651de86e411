// Moves one user's UTC month of raw samples to the object store: write Parquet, read it back and
// verify it, then record the archive and delete exactly the archived rows in one transaction.
// Aggregates are not touched: charts and reports keep working from them.
import type pg from 'pg';
import { pool } from '../db/client';
import { parseMonth, type Month } from './month';
import { sampleArchiveKey } from './object-key';
import type { ObjectStore } from './object-store';
import { type ArchivedSample, decodeSamples, encodeSamples, sampleFingerprint, sha256Hex } from './samples-parquet';

export type ArchiveOutcome = { status: 'archived' | 'already-archived' | 'empty'; rows: number; bytes: number };

// Rows are locked FOR UPDATE: an edit of one of them (a newer version from a device) waits until the
// archive commits or rolls back, so the file never holds a stale copy of a row that is then deleted.
async function readMonthForUpdate(client: pg.PoolClient, userId: string, month: Month): Promise<ArchivedSample[]> {
  const { rows } = await client.query<ArchivedSample>(
    `SELECT id::text AS id, user_id::text AS "userId", device_id::text AS "deviceId", type::text AS type,
            start_at AS "startAt", end_at AS "endAt", value, category, client_record_id AS "clientRecordId", version,
            metadata, created_at AS "createdAt"
     FROM health_samples WHERE user_id = $1 AND start_at >= $2 AND start_at < $3
     ORDER BY start_at, id FOR UPDATE`,
    [userId, month.start, month.end],
  );
  return rows;
}

// The bytes read back must be the bytes written, and must decode to exactly the rows about to go.
async function verifyStored(store: ObjectStore, key: string, sha256: string, samples: ArchivedSample[]) {
  const stored = await store.get(key);
  if (!stored) throw new Error(`archive ${key} is missing right after writing it`);
  if (sha256Hex(stored) !== sha256) throw new Error(`archive ${key} read back with a different sha256`);
  const decoded = await decodeSamples(stored);
  if (decoded.length !== samples.length || decoded.some((d, i) => sampleFingerprint(d) !== sampleFingerprint(samples[i]!))) {
    throw new Error(`archive ${key} does not decode to the ${samples.length} rows written`);
  }
}

export async function archiveUserMonth(args: { userId: string; month: string; store: ObjectStore }): Promise<ArchiveOutcome> {
  const month = parseMonth(args.month);
  const key = sampleArchiveKey(args.userId, month.key);
  const client = await pool().connect();
  try {
    await client.query('BEGIN');
    // One archive or restore of a (user, month) at a time; restore takes the same lock.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`archive:${args.userId}:${month.key}`]);
    const archived = await client.query(
      'SELECT 1 FROM archives WHERE user_id = $1 AND month = $2::date AND restored_at IS NULL',
      [args.userId, month.firstDay],
    );
    const samples = archived.rowCount ? [] : await readMonthForUpdate(client, args.userId, month);
    if (samples.length === 0) {
      await client.query('ROLLBACK');
      return { status: archived.rowCount ? 'already-archived' : 'empty', rows: 0, bytes: 0 };
    }

    const bytes = encodeSamples(samples);
    const sha256 = sha256Hex(bytes);
    await args.store.put(key, bytes);
    await verifyStored(args.store, key, sha256, samples);

    // A restored month archived again replaces its earlier record.
    await client.query(
      `INSERT INTO archives (user_id, month, location, row_count, bytes, sha256) VALUES ($1, $2::date, $3, $4, $5, $6)
       ON CONFLICT (user_id, month) DO UPDATE SET location = EXCLUDED.location, row_count = EXCLUDED.row_count,
         bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256, archived_at = now(), restored_at = NULL`,
      [args.userId, month.firstDay, args.store.locate(key), samples.length, bytes.byteLength, sha256],
    );
    // Exactly the archived rows: a sample that arrived meanwhile stays in PostgreSQL.
    const deleted = await client.query(
      `DELETE FROM health_samples h USING unnest($2::bigint[], $3::timestamptz[]) AS u(id, start_at)
       WHERE h.user_id = $1 AND h.id = u.id AND h.start_at = u.start_at`,
      [args.userId, samples.map((s) => s.id), samples.map((s) => s.startAt.toISOString())],
    );
    if (deleted.rowCount !== samples.length) throw new Error(`archive ${key}: deleted ${deleted.rowCount} of ${samples.length} rows`);
    await client.query('COMMIT');
    return { status: 'archived', rows: samples.length, bytes: bytes.byteLength };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
