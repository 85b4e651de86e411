// GET /api/v1/imports/{id} — the caller's import: status, progress 0..1, accepted, duplicates, rejected.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { isUuid } from '@/lib/data/access';
import { findImport } from '@/lib/data/imports';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

export const GET = route<{ id: string }>({ kind: 'import', param: 'id' }, async (_req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  if (!isUuid(id)) throw notFound('import');
  return NextResponse.json(await findImport(caller.id, id));
});
