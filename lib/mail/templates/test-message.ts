// A test message (an administrator checking that mail gets out).
import { z } from 'zod';
import { defineTemplate } from './define';

const STRINGS = {
  subject: 'Pulse test message',
  heading: 'Test message',
  body: 'This is a test message from Pulse. If you can read it, e-mail delivery works.',
  action: 'Open Pulse',
};

export const testMessage = defineTemplate({
  subject: STRINGS.subject,
  schema: z.object({}),
  content: () => ({ heading: STRINGS.heading, paragraphs: [STRINGS.body], action: { label: STRINGS.action, path: '/' } }),
});
