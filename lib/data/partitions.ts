// Monthly partitions of health_samples are created on demand, outside the sync transaction (DDL takes a
// strong lock on the parent), and remembered per process so the common case costs nothing: a sample in
// the month the previous one was in is answered by two comparisons (a sync batch is mostly one month),
// without a Date or a string per sample.
import type pg from 'pg';

const known = new Set<string>();
// [from, to) of the month last found known, in epoch milliseconds.
let hitFrom = 0;
let hitTo = 0;

function monthOf(ms: number): { label: string; from: number; to: number } {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  return { label: `${year}-${String(month + 1).padStart(2, '0')}-01`, from: Date.UTC(year, month, 1), to: Date.UTC(year, month + 1, 1) };
}

export async function ensureSamplePartitions(pool: pg.Pool, startTimesMs: Iterable<number>): Promise<void> {
  const missing = new Map<string, { from: number; to: number }>();
  for (const ms of startTimesMs) {
    if (ms >= hitFrom && ms < hitTo) continue;
    const month = monthOf(ms);
    if (known.has(month.label)) {
      hitFrom = month.from;
      hitTo = month.to;
    } else {
      missing.set(month.label, month);
    }
  }
  for (const [label, month] of missing) {
    await pool.query('SELECT ensure_health_sample_partitions($1::date, $1::date)', [label]);
    known.add(label);
    hitFrom = month.from;
    hitTo = month.to;
  }
}

/** Forget what is known (tests that drop and recreate the schema). */
export function forgetKnownPartitions(): void {
  known.clear();
  hitFrom = 0;
  hitTo = 0;
}
