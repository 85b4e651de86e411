// Sent instead of a verification link when someone signs up with an address that already has an
// account (the sign-up answer is the same either way: no account enumeration).
import { z } from 'zod';
import { defineTemplate } from './define';

const STRINGS = {
  subject: 'Someone tried to sign up for Pulse with your address',
  heading: 'You already have a Pulse account',
  body: 'Someone, maybe you, tried to create a Pulse account with this e-mail address. You already have one, so nothing was created.',
  action: 'Sign in',
  note: 'Forgot your password? Use “Forgot password” on the sign-in page. If this was not you, you can ignore this message.',
};

export const alreadyRegistered = defineTemplate({
  subject: STRINGS.subject,
  schema: z.object({}),
  content: () => ({ heading: STRINGS.heading, paragraphs: [STRINGS.body], action: { label: STRINGS.action, path: '/login' }, note: STRINGS.note }),
});
