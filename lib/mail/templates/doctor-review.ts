// The answer to a doctor's registration: approved (they can now be invited), or not, with the reason
// the administrator gave.
import { z } from 'zod';
import { defineTemplate } from './define';

const STRINGS = {
  approved: {
    subject: 'Your Pulse doctor account is approved',
    heading: 'Your doctor account is approved',
    body: 'An administrator checked your registration. Patients can now invite you to their care teams.',
    action: 'Open Pulse',
  },
  rejected: {
    subject: 'Your Pulse doctor registration was not approved',
    heading: 'Your registration was not approved',
    body: 'An administrator checked your registration as a doctor and could not approve it.',
    reason: (reason: string) => `The reason given: ${reason}`,
    action: 'Open Pulse',
    note: 'If you think this is a mistake, contact the administrator of this Pulse service.',
  },
};

export const doctorApproved = defineTemplate({
  subject: STRINGS.approved.subject,
  schema: z.object({}),
  content: () => ({ heading: STRINGS.approved.heading, paragraphs: [STRINGS.approved.body], action: { label: STRINGS.approved.action, path: '/doctor' } }),
});

export const doctorRejected = defineTemplate({
  subject: STRINGS.rejected.subject,
  schema: z.object({ reason: z.string().trim().min(1).max(1000) }),
  content: (d) => ({
    heading: STRINGS.rejected.heading,
    paragraphs: [STRINGS.rejected.body, STRINGS.rejected.reason(d.reason)],
    action: { label: STRINGS.rejected.action, path: '/login' },
    note: STRINGS.rejected.note,
  }),
});
