// Care-team invitation bodies (lib/data/invitations.ts, lib/data/care-team.ts): each crosses its schema
// once, at the route; anything else in a body is ignored.
import { z } from 'zod';

const permission = z.boolean({ message: 'must be true or false' });

export const permissionsSchema = z.object({ view: permission, logData: permission, receiveAlerts: permission });

export const invitationInputSchema = z.object({
  email: z.string({ message: 'must be an e-mail address' }).trim().pipe(z.email('must be an e-mail address').max(254)),
  role: z.enum(['DOCTOR', 'CAREGIVER', 'PATIENT'], { message: 'must be DOCTOR, CAREGIVER or PATIENT' }),
  permissions: permissionsSchema.optional(),
});
export type InvitationInput = z.infer<typeof invitationInputSchema>;

/** Desk codes: 8 characters without look-alikes (no 0/O, 1/I/L); typed with or without spaces and dashes. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

export const redeemInputSchema = z.object({
  code: z
    .string({ message: 'must be a string' })
    .transform((c) => c.replace(/[\s-]/g, '').toUpperCase())
    .refine((c) => c.length === CODE_LENGTH && [...c].every((ch) => CODE_ALPHABET.includes(ch)), `must be the ${CODE_LENGTH}-character code`),
});

export const permissionsChangeSchema = z.object({
  permissions: z.object({ view: permission.optional(), logData: permission.optional(), receiveAlerts: permission.optional() }),
});
