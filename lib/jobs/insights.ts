// Job "insights": after the user's aggregates change (debounced per user: a burst of syncs makes one
// run), re-evaluate the insight rules.
import { refreshInsights } from '../data/insights';
import { NOTIFICATION_DELIVERY_EVENTS } from '../data/notifications';
import { defineJob } from './types';

export const insightsJob = defineJob({
  id: 'insights',
  trigger: 'aggregatesUpdated',
  concurrencyKey: 'userId',
  debounceMs: 20_000,
  retries: 3,
  async run({ data, step, send }) {
    const result = await step.run('refresh', () => refreshInsights(data.userId));
    if (result.created > 0) await send([...NOTIFICATION_DELIVERY_EVENTS]); // their notifications leave now, not at the next minute
    return result;
  },
});
