// A notification sent by e-mail (lib/data/notifications.ts): an alert, or anything else the person chose
// to receive by e-mail. The subject names no one and carries no value; the title and body are what
// lib/notify/outside-text.ts allows outside the app (generic unless the person opted in to values),
// written in the recipient's language when the notification was made.
import { z } from 'zod';
import { defineTemplate, type MailT } from './define';

const schema = z.object({ title: z.string().min(1).max(200), body: z.string().min(1).max(4000), path: z.string().regex(/^\/[^\s]*$/) });
const content = (d: z.output<typeof schema>, t: MailT, alert: boolean) => ({
  heading: d.title,
  paragraphs: d.body.split('\n').filter(Boolean),
  action: { label: t('notification.action'), path: d.path },
  ...(alert ? { note: t('notification.alertNote') } : {}),
});

export const alertMessage = defineTemplate({ subject: (t) => t('notification.alertSubject'), schema, content: (d, t) => content(d, t, true) });
export const notificationMessage = defineTemplate({ subject: (t) => t('notification.subject'), schema, content: (d, t) => content(d, t, false) });
