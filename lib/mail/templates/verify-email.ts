// "Confirm your e-mail address": the single-use verification link sent at sign-up.
import { z } from 'zod';
import { defineTemplate, TOKEN } from './define';

export const verifyEmail = defineTemplate({
  subject: (t) => t('verifyEmail.subject'),
  schema: z.object({ token: z.string().regex(TOKEN), validHours: z.number().int().positive() }),
  content: (d, t) => ({
    heading: t('verifyEmail.heading'),
    paragraphs: [t('verifyEmail.body')],
    action: { label: t('verifyEmail.action'), path: `/verify-email?token=${encodeURIComponent(d.token)}` },
    note: t('verifyEmail.note', { hours: d.validHours }),
  }),
});
