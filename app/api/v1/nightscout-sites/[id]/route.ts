// DELETE /api/v1/nightscout-sites/:id — revoke a Nightscout uploader: every client using it gets 401 from its next request.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { revokeNightscoutSite } from '@/lib/data/nightscout-sites';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

export const DELETE = route<{ id: string }>({ kind: 'device', param: 'id' }, async (_req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  if (!z.uuid().safeParse(id).success) throw notFound('Nightscout site');
  await revokeNightscoutSite(caller.id, id);
  return new NextResponse(null, { status: 204 });
});
