// "Reset your password": the single-use reset link.
import { z } from 'zod';
import { defineTemplate, TOKEN } from './define';

export const passwordReset = defineTemplate({
  subject: (t) => t('passwordReset.subject'),
  schema: z.object({ token: z.string().regex(TOKEN), validMinutes: z.number().int().positive() }),
  content: (d, t) => ({
    heading: t('passwordReset.heading'),
    paragraphs: [t('passwordReset.body')],
    action: { label: t('passwordReset.action'), path: `/reset-password?token=${encodeURIComponent(d.token)}` },
    note: t('passwordReset.note', { minutes: d.validMinutes }),
  }),
});
