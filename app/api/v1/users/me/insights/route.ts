// GET /api/v1/users/me/insights — the patient's active insights (each returned one is recorded as viewed).
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listInsightsForPatient } from '@/lib/data/insights';
import { route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller(['PATIENT']);
  return NextResponse.json({ insights: await listInsightsForPatient(caller.id, { recordView: true }) });
});
