// DELETE /api/v1/admin/care-links/:id — an admin ends a care relationship; effective on the next request.
import { requireCaller } from '@/lib/auth/session';
import { endCareLink } from '@/lib/data/care-team';
import { route } from '@/lib/http/handler';

export const DELETE = route<{ id: string }>({ kind: 'careLink', param: 'id' }, async (_req, { id }) => {
  await endCareLink(await requireCaller(['ADMIN']), id);
  return new Response(null, { status: 204 });
});
