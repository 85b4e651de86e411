// GET /api/v1/invitations — the open care-team invitations to the caller's verified address, however
// they signed up (none while the address is unverified).
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listReceivedInvitations } from '@/lib/data/invitations';
import { route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller(['PATIENT', 'DOCTOR', 'CAREGIVER']);
  return NextResponse.json({ invitations: await listReceivedInvitations(caller.id) });
});
