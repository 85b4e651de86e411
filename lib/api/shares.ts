// Shares (lib/data/shares.ts): the request is the route's own zod schema; the answers as the route gives them.
import { z } from 'zod';
import { shareInputSchema } from '../data/shares';
import { daySchema, healthTypeSchema, instantSchema, uuidSchema } from './common';

export const createShareRequest = shareInputSchema.meta({
  id: 'CreateShareRequest',
  description: 'With `recipientEmail` (a registered doctor or caregiver) the share is theirs; without, a link code is returned once.',
  example: { types: ['HEART_RATE', 'STEPS'], from: '2026-10-01', to: '2026-10-31', expiresAt: '2026-12-01T00:00:00Z' },
});

const recipient = z
  .union([
    z.object({ kind: z.literal('user'), name: z.string(), email: z.string().nullable() }).strict(),
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
  .object({ ...patientShare, code: z.string().optional().meta({ description: 'The link code (43 characters), in this answer only.' }) })
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
