// Job "aggregate": after a sync (or the sweep), recompute the user's dirty ranges, open alerts for
// recent readings, and ask for the user's insights to be refreshed.
import { recomputeDirtyRanges } from '../data/aggregation/recompute-user';
import { raiseAlerts } from '../data/emergencies';
import { defineJob } from './types';

export const aggregateJob = defineJob({
  id: 'aggregate',
  trigger: 'samplesSynced',
  concurrencyKey: 'userId',
  retries: 4,
  async run({ data, step, send }) {
    // One step: readings stay inside it, so no health value is memoized in the job's state.
    const summary = await step.run('recompute-and-alert', async () => {
      const result = await recomputeDirtyRanges(data.userId);
      const alerts = await raiseAlerts(data.userId, result.recentReadings);
      return { ranges: result.ranges, types: result.types.length, rows: result.rows, alerts };
    });
    if (summary.ranges > 0) await send([{ key: 'aggregatesUpdated', data: { userId: data.userId } }]);
    return summary;
  },
});
