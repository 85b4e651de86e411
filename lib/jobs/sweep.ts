// Job "sweep": the safety net. Every user with dirty ranges left behind (a lost event, a crash, a
// restart, a priority change) gets an aggregate run.
import { findUsersWithDirtyRanges } from '../data/aggregation/recompute-user';
import { defineJob } from './types';

export const sweepJob = defineJob({
  id: 'sweep',
  trigger: 'sweepRequested',
  cron: '*/5 * * * *',
  retries: 2,
  async run({ step, send }) {
    const users = await step.run('find-dirty-users', () => findUsersWithDirtyRanges());
    if (users.length > 0) await send(users.map((userId) => ({ key: 'samplesSynced', data: { userId } })));
    return { users: users.length };
  },
});
