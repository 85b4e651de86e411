// PATCH /api/v1/admin/devices/:id — { priority?, revoked?: true }. A revoke stops the token at once; a
// priority change marks the device's history dirty and starts the pipeline for its owner.
import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { updateDeviceByAdmin } from '@/lib/data/admin-devices';
import { PRIORITY_RANGE } from '@/lib/devices/device-types';
import { notFound } from '@/lib/http/errors';
import { readJson, route } from '@/lib/http/handler';

const patchBody = z
  .object({
    priority: z.number().int().min(PRIORITY_RANGE.min).max(PRIORITY_RANGE.max).optional(),
    // Revoking cannot be undone here: the owner registers the device again for a new token.
    revoked: z.literal(true, 'can only be true').optional(),
  })
  .strict()
  .refine((b) => b.priority !== undefined || b.revoked !== undefined, { message: 'give "priority" or "revoked"' });

export const PATCH = route<{ id: string }>({ kind: 'device', param: 'id' }, async (req, { id }) => {
  await requireCaller(['ADMIN']);
  const change = patchBody.parse((await readJson(req, 4 * 1024)).json);
  if (!z.uuid().safeParse(id).success) throw notFound('device');
  const { device, ownerId, recompute } = await updateDeviceByAdmin(id, change);
  if (recompute) after(() => dispatch([{ key: 'samplesSynced', data: { userId: ownerId } }]));
  return NextResponse.json(device);
});
