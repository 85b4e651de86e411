// PUT /api/v1/devices/:id/type-priorities — per-type priority overrides of one of the caller's devices
// ({ "overrides": { "HEART_RATE": 120, "STEPS": null } }; null removes an override). The affected
// history is recomputed after the response.
import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { isUuid } from '@/lib/data/access';
import { setTypePriorities } from '@/lib/data/devices';
import { PRIORITY_RANGE } from '@/lib/devices/device-types';
import { HEALTH_TYPES } from '@/lib/health';
import { notFound } from '@/lib/http/errors';
import { readJson, route } from '@/lib/http/handler';

const body = z
  .object({
    overrides: z.partialRecord(z.enum(HEALTH_TYPES), z.number().int().min(PRIORITY_RANGE.min).max(PRIORITY_RANGE.max).nullable()),
  })
  .strict();

export const PUT = route<{ id: string }>({ kind: 'device', param: 'id' }, async (req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  if (!isUuid(id)) throw notFound('device');
  const { overrides } = body.parse((await readJson(req, 8 * 1024)).json);
  const result = await setTypePriorities(caller.id, id, overrides);
  after(() => dispatch([{ key: 'samplesSynced', data: { userId: caller.id } }]));
  return NextResponse.json({ typePriorities: result });
});
