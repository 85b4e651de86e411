// Job "push-delivery": delivers queued Web Push messages (lib/notify/push-delivery.ts). Every minute,
// which is also how deliveries left behind by a crash, a lost event or quiet hours are picked up, and at
// once when the notification fan-out dispatches pushRequested.
import { deliverDuePush, purgeFinishedPush } from '../notify/push-delivery';
import { defineJob } from './types';

export const pushJob = defineJob({
  id: 'push-delivery',
  trigger: 'pushRequested',
  cron: '* * * * *',
  // Each delivery keeps its own attempts and backoff; a failed run is simply the next minute's work.
  retries: 0,
  async run({ step }) {
    const delivered = await step.run('deliver-due', () => deliverDuePush());
    const purged = await step.run('purge-finished', () => purgeFinishedPush());
    return { ...delivered, purged };
  },
});
