// DELETE /api/v1/nightscout-sites/:id/tokens/:tokenId — revoke one access token of the patient's site: its
// next request, and any JWT issued for it, gets 401. Another patient's site or token is 404.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { revokeNightscoutToken } from '@/lib/data/nightscout-tokens';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

export const DELETE = route<{ id: string; tokenId: string }>({ kind: 'device', param: 'id' }, async (_req, { id, tokenId }) => {
  const caller = await requireCaller(['PATIENT']);
  if (!z.uuid().safeParse(id).success) throw notFound('Nightscout site');
  if (!z.uuid().safeParse(tokenId).success) throw notFound('access token');
  await revokeNightscoutToken(caller.id, id, tokenId);
  return new NextResponse(null, { status: 204 });
});
