// GET /ns/:siteId/api/v3/lastModified — when each collection the caller may read last changed
// ({ srvDate, collections }): AndroidAPS asks it first in every loop and loads a collection only when it changed.
import { v3Result } from '@/lib/nightscout/v3/envelope';
import { v3Credential, v3Route, type SiteParams } from '@/lib/nightscout/v3/handler';
import { lastModifiedInfo } from '@/lib/nightscout/v3/server-info';

export const GET = v3Route<SiteParams>(async (req, { siteId }) => {
  const { site, groups } = await v3Credential(req, siteId, 'api:status:read');
  return v3Result(await lastModifiedInfo(site, groups, Date.now()));
});
