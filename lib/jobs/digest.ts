// Job "digest": every 30 minutes (half-hour zones such as India get theirs at 08:00 too), the daily
// digests due (lib/data/digests.ts), then the channels' delivery jobs. A step that could not make every
// digest due fails and is retried; the digests it made are never made twice (the mail and push jobs'
// own schedules deliver those within a minute).
import { sendDailyDigests } from '../data/digests';
import { NOTIFICATION_DELIVERY_EVENTS } from '../data/notifications';
import { defineJob } from './types';

export const digestJob = defineJob({
  id: 'notification-digest',
  trigger: 'digestRequested',
  cron: '0,30 * * * *',
  retries: 2,
  async run({ step, send }) {
    const run = await step.run('send-due', async () => {
      const result = await sendDailyDigests();
      if (result.failed > 0) throw new Error(`${result.failed} of ${result.due} daily digests failed (${result.sent} sent); the retry makes the rest`);
      return result;
    });
    if (run.sent > 0) await send([...NOTIFICATION_DELIVERY_EVENTS]);
    return run;
  },
});
