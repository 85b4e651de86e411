// GET /api/v1/emergencies?all=true — emergency events the caller may act on (own, or of patients whose
// alerts they receive); unresolved ones unless all=true. Each with its start, worst reading (details),
// recorded readings and recovery, and who was notified; a patient also gets who would be alerted now.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { countAlertRecipients, listEmergencies } from '@/lib/data/emergencies';
import { route } from '@/lib/http/handler';

export const GET = route({ caller: true, list: 'emergencies' }, async (req) => {
  const caller = await requireCaller(['PATIENT', 'DOCTOR', 'CAREGIVER']);
  const includeResolved = req.nextUrl.searchParams.get('all') === 'true';
  const emergencies = await listEmergencies(caller, { includeResolved });
  return NextResponse.json(caller.role === 'PATIENT' ? { emergencies, alertRecipients: await countAlertRecipients(caller.id) } : { emergencies });
});
