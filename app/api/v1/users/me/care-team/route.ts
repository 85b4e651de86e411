// GET /api/v1/users/me/care-team — the patient's doctors and caregivers, what each may do and since when.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { findCareTeam } from '@/lib/data/care-team';
import { route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller(['PATIENT']);
  return NextResponse.json(await findCareTeam(caller.id));
});
