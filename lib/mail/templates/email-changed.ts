// Sent to the old address when an account's e-mail address changes (the new one is verified separately).
import { z } from 'zod';
import { defineTemplate } from './define';

export const emailChanged = defineTemplate({
  subject: (t) => t('emailChanged.subject'),
  schema: z.object({}),
  content: (_d, t) => ({
    heading: t('emailChanged.heading'),
    paragraphs: [t('emailChanged.body')],
    action: { label: t('emailChanged.action'), path: '/login' },
    note: t('emailChanged.note'),
  }),
});
