// POST /api/v1/invitations/:id/accept|decline — the holder of the verified address an invitation was
// sent to answers it. Accepting makes the care relationship (a doctor invitee must be approved; an
// account of another role gets 409). Someone else's, an answered, withdrawn or expired one is 404.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { acceptInvitation, declineInvitation } from '@/lib/data/invitations';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

export const POST = route<{ id: string; action: string }>({ kind: 'invitation', param: 'id' }, async (_req, { id, action }) => {
  const caller = await requireCaller(['PATIENT', 'DOCTOR', 'CAREGIVER']);
  if (action === 'accept') return NextResponse.json(await acceptInvitation(caller, id));
  if (action === 'decline') {
    await declineInvitation(caller, id);
    return new Response(null, { status: 204 });
  }
  throw notFound('action');
});
