// GET /api/v1/caregiver/patients — the people the signed-in caregiver cares for, with what each link
// allows (view, log data, receive alerts). Other roles get 403.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listCaredForPatients } from '@/lib/data/patient-overview';
import { route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller(['CAREGIVER']);
  return NextResponse.json({ patients: await listCaredForPatients(caller) });
});
