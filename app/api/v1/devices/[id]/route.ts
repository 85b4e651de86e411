// PATCH /api/v1/devices/:id — rename or re-prioritize (history recomputed). DELETE — revoke the device.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { revokeDevice, updateDevice } from '@/lib/data/devices';
import { PRIORITY_RANGE } from '@/lib/devices/device-types';
import { readJson, route } from '@/lib/http/handler';
import { notFound } from '@/lib/http/errors';
import { freeText } from '@/lib/http/text';

const patchBody = z
  .object({
    name: freeText(100).optional(),
    priority: z.number().int().min(PRIORITY_RANGE.min).max(PRIORITY_RANGE.max).optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.priority !== undefined, { message: 'give "name" or "priority"' });

function deviceId(id: string): string {
  if (!z.uuid().safeParse(id).success) throw notFound('device');
  return id;
}

export const PATCH = route<{ id: string }>({ kind: 'device', param: 'id' }, async (req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  const body = patchBody.parse((await readJson(req, 16 * 1024)).json);
  const device = await updateDevice(caller.id, deviceId(id), body);
  // A new priority changes which source wins: recompute the history it marked dirty.
  if (body.priority !== undefined) after(() => dispatch([{ key: 'samplesSynced', data: { userId: caller.id } }]));
  return NextResponse.json(device);
});

export const DELETE = route<{ id: string }>({ kind: 'device', param: 'id' }, async (_req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  await revokeDevice(caller.id, deviceId(id));
  return new NextResponse(null, { status: 204 });
});
