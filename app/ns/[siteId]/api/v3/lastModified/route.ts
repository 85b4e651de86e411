// GET /ns/:siteId/api/v3/lastModified — when each collection last changed ({ srvDate, collections }):
// AndroidAPS asks it first in every loop and loads a collection only when it changed.
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { v3Route, type SiteParams } from '@/lib/nightscout/v3/handler';
import { v3Result } from '@/lib/nightscout/v3/envelope';
import { lastModifiedInfo } from '@/lib/nightscout/v3/server-info';

export const GET = v3Route<SiteParams>(async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:status:read');
  return v3Result(await lastModifiedInfo(site, Date.now()));
});
