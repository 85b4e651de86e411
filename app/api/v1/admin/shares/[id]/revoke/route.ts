// POST /api/v1/admin/shares/:id/revoke — ends a share at once (idempotent); answers the share.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { revokeShareByAdmin } from '@/lib/data/admin-shares';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

export const POST = route<{ id: string }>({ kind: 'share', param: 'id' }, async (_req, { id }) => {
  await requireCaller(['ADMIN']);
  if (!z.uuid().safeParse(id).success) throw notFound('share');
  return NextResponse.json(await revokeShareByAdmin(id));
});
