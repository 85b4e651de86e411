// PENDING CONTRACT — shares are being built on another branch; these schemas document the agreed
// contract and are to be adjusted to the real route files after the merge.
import { z } from 'zod';
import { daySchema, healthTypeSchema, instantSchema, uuidSchema } from './common';

export const createShareRequest = z
  .object({
    types: z.array(healthTypeSchema).min(1),
    from: daySchema,
    to: daySchema,
    expiresAt: instantSchema,
    recipientEmail: z.email().optional(),
  })
  .meta({ id: 'CreateShareRequest', example: { types: ['HEART_RATE', 'STEPS'], from: '2026-10-01', to: '2026-10-31', expiresAt: '2026-12-01T00:00:00Z' } });

const shareFields = {
  id: uuidSchema,
  types: z.array(healthTypeSchema),
  from: daySchema,
  to: daySchema,
  expiresAt: instantSchema,
  status: z.string().meta({ description: 'e.g. active, expired, revoked.' }),
};

export const createdShare = z
  .object({ ...shareFields, code: z.string().optional().meta({ description: 'The access code, shown only in this response.' }) })
  .meta({ id: 'CreatedShare' });

export const shareList = z.object({ shares: z.array(z.object(shareFields).meta({ id: 'Share' })) }).meta({ id: 'ShareList' });
