// GET /api/v1/users/me — the signed-in user's identity and profile basics.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { findMe } from '@/lib/data/users';
import { route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller();
  return NextResponse.json(await findMe(caller.id));
});
