// The maintenance jobs: retention (daily), future partitions (daily), integrity check (weekly), archive
// of cold months (monthly, or one user-month on demand) and restore (on demand). Each records its run
// in retention_runs (lib/maintenance).
import {
  archiveColdMonths, archiveMonth, ensureFuturePartitions, restoreMonth, runIntegrityCheck, runRetention,
} from '../maintenance';
import { defineJob } from './types';

export const retentionJob = defineJob({
  id: 'retention',
  trigger: 'retentionRequested',
  cron: '15 3 * * *',
  retries: 2,
  run: ({ step }) => step.run('apply-retention', async () => (await runRetention({ now: new Date() })).counts),
});

export const partitionsJob = defineJob({
  id: 'partitions',
  trigger: 'partitionsRequested',
  cron: '0 2 * * *',
  retries: 3,
  run: ({ step }) => step.run('create-ahead', async () => (await ensureFuturePartitions({ now: new Date() })).counts),
});

export const integrityJob = defineJob({
  id: 'integrity',
  trigger: 'integrityRequested',
  cron: '30 4 * * 0',
  retries: 2,
  async run({ step, send }) {
    const counts = await step.run('check', async () => (await runIntegrityCheck({ now: new Date() })).counts);
    // The ranges it marked dirty are picked up by the sweep; start one now rather than in 5 minutes.
    await send([{ key: 'sweepRequested', data: {} }]);
    return counts;
  },
});

export const archiveJob = defineJob({
  id: 'archive',
  trigger: 'archiveRequested',
  cron: '0 5 1 * *',
  retries: 2,
  run: ({ data, step }) =>
    step.run('archive', async () =>
      data.userId && data.month
        ? (await archiveMonth({ userId: data.userId, month: data.month })).counts
        : (await archiveColdMonths({ now: new Date() })).counts,
    ),
});

export const restoreJob = defineJob({
  id: 'restore',
  trigger: 'restoreRequested',
  retries: 2,
  async run({ data, step, send }) {
    const counts = await step.run('restore', async () => (await restoreMonth({ userId: data.userId, month: data.month })).counts);
    // Its dirty ranges replay the month's aggregation.
    await send([{ key: 'samplesSynced', data: { userId: data.userId } }]);
    return counts;
  },
});
