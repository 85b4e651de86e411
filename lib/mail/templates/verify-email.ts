// "Confirm your e-mail address": the single-use verification link sent at sign-up.
import { z } from 'zod';
import { defineTemplate, TOKEN } from './define';

const STRINGS = {
  subject: 'Confirm your e-mail address for Pulse',
  heading: 'Confirm your e-mail address',
  body: 'Welcome to Pulse. Confirm that this address is yours to finish setting up your account.',
  action: 'Confirm my address',
  note: (hours: number) => `The link works once, for ${hours} hours. If you did not sign up for Pulse, ignore this message.`,
};

export const verifyEmail = defineTemplate({
  subject: STRINGS.subject,
  schema: z.object({ token: z.string().regex(TOKEN), validHours: z.number().int().positive() }),
  content: (d) => ({
    heading: STRINGS.heading,
    paragraphs: [STRINGS.body],
    action: { label: STRINGS.action, path: `/verify-email?token=${encodeURIComponent(d.token)}` },
    note: STRINGS.note(d.validHours),
  }),
});
