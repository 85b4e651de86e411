// GET /api/v1/emergencies?all=true — emergency events the caller may act on (own, or of patients whose
// alerts they receive); unresolved ones unless all=true.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listEmergencies } from '@/lib/data/emergencies';
import { route } from '@/lib/http/handler';

export const GET = route({ caller: true, list: 'emergencies' }, async (req) => {
  const caller = await requireCaller(['PATIENT', 'DOCTOR', 'CAREGIVER']);
  const includeResolved = req.nextUrl.searchParams.get('all') === 'true';
  return NextResponse.json({ emergencies: await listEmergencies(caller, { includeResolved }) });
});
