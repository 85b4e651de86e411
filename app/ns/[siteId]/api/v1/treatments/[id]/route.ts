// DELETE /ns/:siteId/api/v1/treatments/:id(.json) — removes one treatment by the `_id` we answered (or
// its identifier; `*` with find[...] filters removes every match), with its samples and timeline note.
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { deleteV1 } from '@/lib/nightscout/v1-collections';

export const DELETE = route<{ siteId: string; id: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId, id }) => {
  const site = await authenticateSite(req, siteId, 'api:treatments:delete');
  return deleteV1(req, site, 'treatments', id, { onSamplesChanged: () => after(() => dispatch([{ key: 'samplesSynced', data: { userId: site.userId } }])) });
});
