// POST /api/v1/care-team/invitations/code — an approved doctor's desk code (8 characters, 30 minutes,
// single use) that a patient types in the app (POST /api/v1/invitations/redeem), then accepts.
import { NextResponse } from 'next/server';
import { enforceInvitationSendLimit } from '@/lib/api/invitations-limits';
import { requireCaller } from '@/lib/auth/session';
import { createDeskCode } from '@/lib/data/invitations';
import { route } from '@/lib/http/handler';
import { clientIp } from '@/lib/security/client-address';

export const POST = route({ kind: 'invitation', created: true }, async (req) => {
  const caller = await requireCaller(['DOCTOR']);
  await enforceInvitationSendLimit(caller.id, clientIp(req.headers));
  return NextResponse.json(await createDeskCode(caller), { status: 201 });
});
