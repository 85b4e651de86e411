// DELETE /ns/:siteId/api/v1/devicestatus/:id(.json) — removes one status by its `_id` (`*` with
// find[...] filters removes every match).
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { deleteV1 } from '@/lib/nightscout/v1-collections';

export const DELETE = route<{ siteId: string; id: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId, id }) => {
  const site = await authenticateSite(req, siteId, 'api:devicestatus:delete');
  return deleteV1(req, site, 'devicestatus', id, { onSamplesChanged: () => undefined });
});
