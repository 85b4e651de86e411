// "Reset your password": the single-use reset link.
import { z } from 'zod';
import { defineTemplate, TOKEN } from './define';

const STRINGS = {
  subject: 'Reset your Pulse password',
  heading: 'Reset your password',
  body: 'Someone asked to reset the password of the Pulse account with this e-mail address. Choose a new password with the link below.',
  action: 'Choose a new password',
  note: (minutes: number) => `The link works once, for ${minutes} minutes. If you did not ask for this, ignore this message: your password stays as it is.`,
};

export const passwordReset = defineTemplate({
  subject: STRINGS.subject,
  schema: z.object({ token: z.string().regex(TOKEN), validMinutes: z.number().int().positive() }),
  content: (d) => ({
    heading: STRINGS.heading,
    paragraphs: [STRINGS.body],
    action: { label: STRINGS.action, path: `/reset-password?token=${encodeURIComponent(d.token)}` },
    note: STRINGS.note(d.validMinutes),
  }),
});
