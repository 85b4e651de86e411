// Maintenance jobs as plain async functions (the Inngest wrappers call these). Each records its run in
// retention_runs.
export { archiveColdMonths } from './archive-cold-months';
export { archiveMonth } from './archive-month';
export { ensureFuturePartitions } from './ensure-future-partitions';
export { runIntegrityCheck } from './integrity-check';
export { localDirectoryStore, objectStore, s3ObjectStore, type ObjectStore } from './object-store';
export { restoreMonth } from './restore-month';
export { runRetention } from './retention';
export { RETENTION } from './retention-policy';
export type { RunCounts, RunResult } from './run-record';
