// Job "aggregate": after a sync (or the sweep), recompute the user's dirty ranges, open alerts for
// recent readings (starting the escalation of each episode it opens), and ask for the user's insights
// to be refreshed.
import { recomputeDirtyRanges } from '../data/aggregation/recompute-user';
import { raiseAlerts, recentAlertReadings } from '../data/emergencies';
import { NOTIFICATION_DELIVERY_EVENTS } from '../data/notifications';
import { defineJob } from './types';

export const aggregateJob = defineJob({
  id: 'aggregate',
  trigger: 'samplesSynced',
  concurrencyKey: 'userId',
  retries: 4,
  async run({ data, step, send }) {
    const summary = await step.run('recompute', async () => {
      const result = await recomputeDirtyRanges(data.userId);
      return { ranges: result.ranges, types: result.types.length, rows: result.rows };
    });
    // Alerts read the recent readings from the database (no health value is memoized in the job's
    // state), and always run, so a retry after a failure here still raises them.
    const alerts = await step.run('alerts', async () => raiseAlerts(data.userId, await recentAlertReadings(data.userId)));
    if (summary.ranges > 0) await send([{ key: 'aggregatesUpdated', data: { userId: data.userId } }]);
    // Each episode opened starts its escalation; whatever was notified leaves by its channels now.
    if (alerts.changed > 0) {
      await send([
        ...alerts.opened.map((emergencyEventId) => ({ key: 'emergencyOpened' as const, data: { patientId: data.userId, emergencyEventId } })),
        ...NOTIFICATION_DELIVERY_EVENTS,
      ]);
    }
    return { ...summary, alerts };
  },
});
