// DELETE /api/v1/care-team/invitations/:id — the inviter withdraws an open invitation; its link and code
// stop working at once. Anyone else's, an answered or an expired one is 404.
import { requireCaller } from '@/lib/auth/session';
import { withdrawInvitation } from '@/lib/data/invitations';
import { route } from '@/lib/http/handler';

export const DELETE = route<{ id: string }>({ kind: 'invitation', param: 'id' }, async (_req, { id }) => {
  await withdrawInvitation((await requireCaller()).id, id);
  return new Response(null, { status: 204 });
});
