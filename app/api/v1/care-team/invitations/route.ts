// POST /api/v1/care-team/invitations — a verified patient invites a doctor or caregiver, an approved
// doctor a patient, by e-mail ({ email, role, permissions? }); the link goes by mail only. Rate-limited
// per inviter and per address. GET — the caller's open invitations (sent, not yet answered).
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { enforceInvitationSendLimit } from '@/lib/api/invitations-limits';
import { invitationInputSchema } from '@/lib/api/invitations';
import { requireCaller } from '@/lib/auth/session';
import { createInvitation, listSentInvitations } from '@/lib/data/invitations';
import { readJson, route } from '@/lib/http/handler';
import { MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';
import { clientIp } from '@/lib/security/client-address';

export const GET = route('caller', async () => {
  const caller = await requireCaller(['PATIENT', 'DOCTOR']);
  return NextResponse.json({ invitations: await listSentInvitations(caller.id) });
});

export const POST = route({ kind: 'invitation', created: true }, async (req) => {
  const caller = await requireCaller(['PATIENT', 'DOCTOR']);
  const input = invitationInputSchema.parse((await readJson(req, 4 * 1024)).json);
  await enforceInvitationSendLimit(caller.id, clientIp(req.headers));
  const invitation = await createInvitation(caller, input);
  after(() => dispatch([MAIL_DELIVERY_EVENT]));
  return NextResponse.json(invitation, { status: 201 });
});
