// GET /api/v1/admin/care-links — active care relationships, newest first (names only).
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listActiveCareLinks } from '@/lib/data/care-team';
import { route } from '@/lib/http/handler';

export const GET = route('nobody', async () => {
  await requireCaller(['ADMIN']);
  return NextResponse.json({ links: await listActiveCareLinks() });
});
