// Archives one user's month on request (an admin, or a job for one user); idempotent: an archived
// month is a no-op. The nightly sweep is archiveColdMonths.
import { archiveUserMonth } from './archive-user-month';
import { objectStore, type ObjectStore } from './object-store';
import { recordRun, type RunResult } from './run-record';

export async function archiveMonth({ userId, month, store }: { userId: string; month: string; store?: ObjectStore }): Promise<RunResult> {
  return recordRun('ARCHIVE', async (counts) => {
    const outcome = await archiveUserMonth({ userId, month, store: store ?? objectStore() });
    counts.months = outcome.status === 'archived' ? 1 : 0;
    counts.health_samples = outcome.rows;
    counts.bytes = outcome.bytes;
  });
}
