// Job "mail": delivers queued e-mail (lib/mail/deliver.ts). Every minute, which is also how mail left
// behind by a crash or a lost event is picked up, and at once when a route dispatches mailRequested.
import { deliverDueMail, purgeFinishedMail } from '../mail/deliver';
import { defineJob } from './types';

export const mailJob = defineJob({
  id: 'mail-delivery',
  trigger: 'mailRequested',
  cron: '* * * * *',
  // Each message keeps its own attempts and backoff; a failed run is simply the next minute's work.
  retries: 0,
  async run({ step }) {
    const delivered = await step.run('deliver-due', () => deliverDueMail());
    const purged = await step.run('purge-finished', () => purgeFinishedMail());
    return { ...delivered, purged };
  },
});
