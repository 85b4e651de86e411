// GET /api/v1/devices — the caller's devices (never tokens). POST — register one; the token is shown once.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { listDevices, registerDevice } from '@/lib/data/devices';
import { deviceTypeSchema, PRIORITY_RANGE } from '@/lib/devices/device-types';
import { readJson, route } from '@/lib/http/handler';
import { freeText } from '@/lib/http/text';

const registerBody = z.object({
  name: freeText(100),
  type: deviceTypeSchema,
  priority: z.number().int().min(PRIORITY_RANGE.min).max(PRIORITY_RANGE.max).optional(),
});

export const GET = route('caller', async () => {
  const caller = await requireCaller(['PATIENT']);
  return NextResponse.json({ devices: await listDevices(caller.id) });
});

export const POST = route({ kind: 'device', created: true }, async (req) => {
  const caller = await requireCaller(['PATIENT']);
  const body = registerBody.parse((await readJson(req, 16 * 1024)).json);
  return NextResponse.json(await registerDevice(caller.id, body), { status: 201 });
});
