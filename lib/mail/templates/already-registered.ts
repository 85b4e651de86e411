// Sent instead of a verification link when someone signs up with an address that already has an
// account (the sign-up answer is the same either way: no account enumeration).
import { z } from 'zod';
import { defineTemplate } from './define';

export const alreadyRegistered = defineTemplate({
  subject: (t) => t('alreadyRegistered.subject'),
  schema: z.object({}),
  content: (_d, t) => ({
    heading: t('alreadyRegistered.heading'),
    paragraphs: [t('alreadyRegistered.body')],
    action: { label: t('alreadyRegistered.action'), path: '/login' },
    note: t('alreadyRegistered.note'),
  }),
});
