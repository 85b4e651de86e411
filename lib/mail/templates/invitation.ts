// An invitation into a care team: from a patient to a doctor or caregiver, or from a doctor to a patient.
// It names who invites (so the invitee can trust it) and nothing about anyone's health.
import { z } from 'zod';
import { defineTemplate, TOKEN } from './define';

const STRINGS = {
  subject: 'You are invited to a care team on Pulse',
  heading: 'You are invited to a care team',
  body: {
    DOCTOR: (name: string) => `${name} invited you to join their care team on Pulse as their doctor.`,
    CAREGIVER: (name: string) => `${name} invited you to join their care team on Pulse as a caregiver.`,
    PATIENT: (name: string) => `${name} invited you to join Pulse and connect with them as your care team.`,
  },
  account: 'Open the invitation to accept or decline it. If you do not have a Pulse account yet, you can create one from there.',
  action: 'Open the invitation',
  note: (days: number) => `The invitation is valid for ${days} days. If you do not know the sender, ignore this message.`,
};

export const invitation = defineTemplate({
  subject: STRINGS.subject,
  schema: z.object({
    token: z.string().regex(TOKEN),
    inviterName: z.string().trim().min(1).max(200),
    /** The role the invitee takes in the care relationship. */
    as: z.enum(['DOCTOR', 'CAREGIVER', 'PATIENT']),
    validDays: z.number().int().positive(),
  }),
  content: (d) => ({
    heading: STRINGS.heading,
    paragraphs: [STRINGS.body[d.as](d.inviterName), STRINGS.account],
    action: { label: STRINGS.action, path: `/invitations/${encodeURIComponent(d.token)}` },
    note: STRINGS.note(d.validDays),
  }),
});
