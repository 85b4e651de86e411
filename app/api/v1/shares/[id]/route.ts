// DELETE /api/v1/shares/:id — the owning patient revokes a share, effective on the next read; revoking
// again is fine (204). Anyone else's share, or an unknown id, is 404.
import { requireCaller } from '@/lib/auth/session';
import { revokeShare } from '@/lib/data/shares';
import { route } from '@/lib/http/handler';

export const DELETE = route<{ id: string }>({ kind: 'share', param: 'id' }, async (_req, { id }) => {
  // Any signed-in caller: only the owner's id matches, so everyone else meets the same 404.
  await revokeShare((await requireCaller()).id, id);
  return new Response(null, { status: 204 });
});
