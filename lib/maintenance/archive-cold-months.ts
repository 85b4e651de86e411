// Nightly: every (user, month) whose samples are all older than env().archive.afterMonths months and
// not yet archived is moved to the object store, one month at a time. It stops at the first failure
// (the run is FAILED and the job retries); months done before it stay done, and a retry skips them.
import { pool } from '../db/client';
import { env } from '../env';
import { archiveUserMonth } from './archive-user-month';
import { monthsBefore, monthStartFrom } from './month';
import { objectStore, type ObjectStore } from './object-store';
import { recordRun, type RunResult } from './run-record';

// A month restored on purpose is left in PostgreSQL this long before the sweep may archive it again.
const RESTORE_GRACE_DAYS = 30;

export async function archiveColdMonths(args: {
  now: Date;
  /** Limit the sweep to these users (one patient's request, tests); all users when absent. */
  userIds?: readonly string[];
  store?: ObjectStore;
}): Promise<RunResult> {
  const store = args.store ?? objectStore();
  // Months ending at or before the start of the month (now - afterMonths) falls in.
  const cutoff = monthStartFrom(monthsBefore(args.now, env().archive.afterMonths), 0);
  const graceStart = new Date(args.now.getTime() - RESTORE_GRACE_DAYS * 86_400_000);
  return recordRun('ARCHIVE', async (counts) => {
    const { rows } = await pool().query<{ user_id: string; month: string }>(
      `SELECT c.user_id::text AS user_id, to_char(c.month, 'YYYY-MM') AS month
       FROM (SELECT DISTINCT s.user_id, date_trunc('month', s.start_at AT TIME ZONE 'UTC')::date AS month
             FROM health_samples s
             WHERE s.start_at < $1 AND ($2::uuid[] IS NULL OR s.user_id = ANY($2::uuid[]))) c
       WHERE NOT EXISTS (SELECT 1 FROM archives a WHERE a.user_id = c.user_id AND a.month = c.month
                         AND (a.restored_at IS NULL OR a.restored_at > $3))
       ORDER BY c.month, c.user_id`,
      [cutoff, args.userIds ?? null, graceStart],
    );
    Object.assign(counts, { months: 0, health_samples: 0, bytes: 0, skipped: 0 });
    for (const row of rows) {
      const outcome = await archiveUserMonth({ userId: row.user_id, month: row.month, store });
      if (outcome.status === 'archived') counts.months += 1;
      else counts.skipped += 1;
      counts.health_samples += outcome.rows;
      counts.bytes += outcome.bytes;
    }
  });
}
