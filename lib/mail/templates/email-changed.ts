// Sent to the old address when an account's e-mail address changes (the new one is verified separately).
import { z } from 'zod';
import { defineTemplate } from './define';

const STRINGS = {
  subject: 'The e-mail address of your Pulse account was changed',
  heading: 'Your e-mail address was changed',
  body: 'The e-mail address of your Pulse account was just changed, and messages now go to the new address.',
  action: 'Open Pulse',
  note: 'If you did not make this change, reset your password from the sign-in page and tell your administrator.',
};

export const emailChanged = defineTemplate({
  subject: STRINGS.subject,
  schema: z.object({}),
  content: () => ({ heading: STRINGS.heading, paragraphs: [STRINGS.body], action: { label: STRINGS.action, path: '/login' }, note: STRINGS.note }),
});
