// Shares (lib/data/shares.ts): the request is the route's own zod schema; the answers as the route gives them.
import { z } from 'zod';
import { shareInputSchema } from '../data/shares';
import { daySchema, healthTypeSchema, instantSchema, uuidSchema } from './common';

export const createShareRequest = shareInputSchema.meta({
  id: 'CreateShareRequest',
  description:
    'With `recipientEmail` the share is for that address: a doctor or caregiver account holding it finds the share under “Shared with you”. ' +
    'The answer is the same for every address (it never says whether such an account exists). Without, a link is returned once.',
  example: { types: ['HEART_RATE', 'STEPS'], from: '2026-10-01', to: '2026-10-31', expiresAt: '2026-12-01T00:00:00Z' },
});

const recipient = z
  .union([
    z
      .object({ kind: z.literal('person'), email: z.string().nullable() })
      .strict()
      .meta({ description: 'The address the patient gave (null: an older share whose account is closed).' }),
    z.object({ kind: z.literal('link') }).strict(),
  ])
  .meta({ id: 'ShareRecipient' });

const patientShare = {
  id: uuidSchema,
  types: z.array(healthTypeSchema),
  from: daySchema,
  to: daySchema,
  expiresAt: instantSchema,
  createdAt: instantSchema,
  revokedAt: instantSchema.nullable(),
  lastUsedAt: instantSchema.nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
  recipient,
};

export const createdShare = z
  .object({
    ...patientShare,
    code: z.string().optional().meta({ description: 'The link code (43 characters), in this answer only.' }),
    link: z
      .string()
      .optional()
      .meta({
        description:
          'The link to give, `/share#<code>` on this server, in this answer only. The code is after `#`, which browsers never send: ' +
          'the page reads it and exchanges it for the viewer (`/share/{code}` links keep working).',
        example: '/share#q3Zk5u0m1yQz8GkJtH0vXb2cN4dR6eS8fT0gU2hV4iW',
      }),
  })
  .strict()
  .meta({ id: 'CreatedShare' });

const receivedShare = z
  .object({ id: uuidSchema, patientId: uuidSchema, patientName: z.string(), timeZone: z.string(), types: z.array(healthTypeSchema), fromDay: daySchema, toDay: daySchema, expiresAt: instantSchema })
  .strict()
  .meta({ id: 'ReceivedShare', description: 'A share a doctor or caregiver received (active ones only).' });

export const shareList = z
  .object({ shares: z.array(z.union([z.object(patientShare).strict().meta({ id: 'Share' }), receivedShare])) })
  .strict()
  .meta({ id: 'ShareList', description: "A patient's own shares (never codes), or the shares a doctor or caregiver received." });
