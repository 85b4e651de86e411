// A notification sent by e-mail (lib/data/notifications.ts): an alert, or anything else the person chose
// to receive by e-mail. The subject names no one and carries no value; the text is what
// lib/notify/outside-text.ts allows outside the app (generic unless the person opted in to values).
import { z } from 'zod';
import { defineTemplate } from './define';

const STRINGS = {
  alertSubject: 'Pulse alert: please open the app',
  subject: 'Pulse notification',
  action: 'Open in Pulse',
  alertNote: 'You receive alerts because you are on this person’s care team, or they are about you. You can choose how alerts reach you in Settings.',
};

const schema = z.object({ title: z.string().min(1).max(200), body: z.string().min(1).max(4000), path: z.string().regex(/^\/[^\s]*$/) });
const content = (d: z.output<typeof schema>, alert: boolean) => ({
  heading: d.title,
  paragraphs: d.body.split('\n').filter(Boolean),
  action: { label: STRINGS.action, path: d.path },
  ...(alert ? { note: STRINGS.alertNote } : {}),
});

export const alertMessage = defineTemplate({ subject: STRINGS.alertSubject, schema, content: (d) => content(d, true) });
export const notificationMessage = defineTemplate({ subject: STRINGS.subject, schema, content: (d) => content(d, false) });
