// Creates the monthly partitions of health_samples ahead of time, so ingest never has to take the DDL
// lock on the hot path (it still can: lib/data/partitions.ts creates a missing one on demand).
import { monthStartFrom } from './month';
import { recordRun, type RunResult } from './run-record';
import { ensureSamplePartitionRange } from './sample-partitions';

export async function ensureFuturePartitions({ now, monthsAhead = 3 }: { now: Date; monthsAhead?: number }): Promise<RunResult> {
  if (!Number.isInteger(monthsAhead) || monthsAhead < 0 || monthsAhead > 60) {
    throw new Error(`monthsAhead must be an integer from 0 to 60, got ${monthsAhead}`);
  }
  return recordRun('PARTITIONS', async (counts) => {
    // The current month is included: a fresh database may lack it too.
    counts.created = await ensureSamplePartitionRange(monthStartFrom(now, 0), monthStartFrom(now, monthsAhead));
  });
}
