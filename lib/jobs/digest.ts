// Job "digest": delivers the doctors' daily digests that are due (scheduled for 08:00 in their zone).
import { sendDueDigests } from '../data/notifications';
import { defineJob } from './types';

export const digestJob = defineJob({
  id: 'notification-digest',
  trigger: 'digestRequested',
  cron: '0,30 * * * *', // half-hour zones (India) get theirs on time
  retries: 2,
  async run({ step }) {
    return { delivered: await step.run('deliver-due', () => sendDueDigests()) };
  },
});
