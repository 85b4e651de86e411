// Monthly partitions of health_samples are created on demand, outside the sync transaction (DDL takes a
// strong lock on the parent), and remembered per process so the common case costs nothing.
import type pg from 'pg';

const known = new Set<string>();

function monthStart(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

export async function ensureSamplePartitions(pool: pg.Pool, startTimesMs: Iterable<number>): Promise<void> {
  const missing = new Set<string>();
  for (const ms of startTimesMs) {
    const month = monthStart(ms);
    if (!known.has(month)) missing.add(month);
  }
  for (const month of missing) {
    await pool.query('SELECT ensure_health_sample_partitions($1::date, $1::date)', [month]);
    known.add(month);
  }
}

/** Forget what is known (tests that drop and recreate the schema). */
export function forgetKnownPartitions(): void {
  known.clear();
}
