// Raw samples past retention go a whole month at a time: the partition is detached and dropped, which
// is instant and leaves no dead rows behind, unlike deleting rows one by one.
import type pg from 'pg';
import { pool } from '../db/client';
import type { RunCounts } from './run-record';
import { listSamplePartitions, type SamplePartition } from './sample-partitions';

const LOCK_NOT_AVAILABLE = '55P03';
const ATTEMPTS = 3;

function isLockTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === LOCK_NOT_AVAILABLE;
}

// Detach, count and drop in ONE transaction, so a crash never leaves a detached table behind that no
// later run would find. DETACH takes an exclusive lock on health_samples: lock_timeout bounds how long
// ingest can queue behind it, and a timed-out attempt is retried.
async function dropPartition(client: pg.PoolClient, partition: SamplePartition): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query("SET LOCAL lock_timeout = '5s'");
    // Identifier from the catalog, quoted by PostgreSQL and matched against the name pattern.
    await client.query(`ALTER TABLE health_samples DETACH PARTITION ${partition.qualifiedName}`);
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${partition.qualifiedName}`);
    await client.query(`DROP TABLE ${partition.qualifiedName}`);
    await client.query('COMMIT');
    return rows[0]?.n ?? 0;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Drops every partition whose whole range ends at or before `cutoff`, counting partitions
 * (health_samples_partitions) and their rows (health_samples) into `counts` as it goes.
 */
export async function dropExpiredSamplePartitions(cutoff: Date, counts: RunCounts): Promise<void> {
  const expired = (await listSamplePartitions()).filter((p) => p.to.getTime() <= cutoff.getTime());
  counts.health_samples_partitions = 0;
  counts.health_samples = 0;
  if (expired.length === 0) return;
  const client = await pool().connect();
  try {
    for (const partition of expired) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          counts.health_samples += await dropPartition(client, partition);
          counts.health_samples_partitions += 1;
          break;
        } catch (error) {
          if (!isLockTimeout(error) || attempt === ATTEMPTS) throw error;
        }
      }
    }
  } finally {
    client.release();
  }
}
