// An invitation into a care team: from a patient to a doctor or caregiver, or from a doctor to a patient.
// It names who invites (so the invitee can trust it) and nothing about anyone's health.
import { z } from 'zod';
import { defineTemplate, TOKEN } from './define';

export const invitation = defineTemplate({
  subject: (t) => t('invitation.subject'),
  schema: z.object({
    token: z.string().regex(TOKEN),
    inviterName: z.string().trim().min(1).max(200),
    /** The role the invitee takes in the care relationship. */
    as: z.enum(['DOCTOR', 'CAREGIVER', 'PATIENT']),
    validDays: z.number().int().positive(),
  }),
  content: (d, t) => ({
    heading: t('invitation.heading'),
    paragraphs: [t(`invitation.body.${d.as}`, { name: d.inviterName }), t('invitation.account')],
    action: { label: t('invitation.action'), path: `/invitations/${encodeURIComponent(d.token)}` },
    note: t('invitation.note', { days: d.validDays }),
  }),
});
