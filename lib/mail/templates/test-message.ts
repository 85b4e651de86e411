// A test message (an administrator checking that mail gets out).
import { z } from 'zod';
import { defineTemplate } from './define';

export const testMessage = defineTemplate({
  subject: (t) => t('test.subject'),
  schema: z.object({}),
  content: (_d, t) => ({ heading: t('test.heading'), paragraphs: [t('test.body')], action: { label: t('test.action'), path: '/' } }),
});
