// Job "insights": after the user's aggregates change (debounced per user: a burst of syncs makes one
// run), re-evaluate the insight rules.
import { refreshInsights } from '../data/insights';
import { defineJob } from './types';

export const insightsJob = defineJob({
  id: 'insights',
  trigger: 'aggregatesUpdated',
  concurrencyKey: 'userId',
  debounceMs: 20_000,
  retries: 3,
  async run({ data, step }) {
    return step.run('refresh', () => refreshInsights(data.userId));
  },
});
