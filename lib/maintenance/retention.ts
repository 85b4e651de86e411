// The retention job: raw samples 7 years (whole monthly partitions, and archived months), hour
// aggregates 2 years, insights 2 years after their last update, share tokens 30 days past expiry,
// idempotency keys and sign-in sessions 24 hours, job runs 90 days; users deleted more than 30 days ago are crypto-shredded.
// One RETENTION run records rows removed per table.
import { deleteExpiredArchives } from './delete-expired-archives';
import { deleteExpiredRows } from './delete-expired-rows';
import { dropExpiredSamplePartitions } from './drop-expired-partitions';
import { objectStore, type ObjectStore } from './object-store';
import { retentionCutoffs } from './retention-policy';
import { recordRun, type RunResult } from './run-record';
import { shredDeletedUsers } from './shred-deleted-users';

export async function runRetention({ now, store }: { now: Date; store?: ObjectStore }): Promise<RunResult> {
  const cutoffs = retentionCutoffs(now);
  return recordRun('RETENTION', async (counts) => {
    await dropExpiredSamplePartitions(cutoffs.rawSamples, counts);
    counts.archives = await deleteExpiredArchives(cutoffs.rawSamples, store ?? objectStore());
    await deleteExpiredRows(cutoffs, counts);
    counts.shredded_users = await shredDeletedUsers(cutoffs.deletedUsers, store ?? objectStore(), now);
  });
}
