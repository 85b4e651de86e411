// The answer to a doctor's registration: approved (they can now be invited), or not, with the reason
// the administrator gave (in the administrator's words, untranslated).
import { z } from 'zod';
import { defineTemplate } from './define';

export const doctorApproved = defineTemplate({
  subject: (t) => t('doctorApproved.subject'),
  schema: z.object({}),
  content: (_d, t) => ({
    heading: t('doctorApproved.heading'),
    paragraphs: [t('doctorApproved.body')],
    action: { label: t('doctorApproved.action'), path: '/doctor' },
  }),
});

export const doctorRejected = defineTemplate({
  subject: (t) => t('doctorRejected.subject'),
  schema: z.object({ reason: z.string().trim().min(1).max(1000) }),
  content: (d, t) => ({
    heading: t('doctorRejected.heading'),
    paragraphs: [t('doctorRejected.body'), t('doctorRejected.reason', { reason: d.reason })],
    action: { label: t('doctorRejected.action'), path: '/login' },
    note: t('doctorRejected.note'),
  }),
});
