// GET /ns/:siteId/api/v3/status — versions and the caller's permissions per collection; AndroidAPS
// checks it when it connects and uploads only with "crud" everywhere.
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { v3Route, type SiteParams } from '@/lib/nightscout/v3/handler';
import { v3Result } from '@/lib/nightscout/v3/envelope';
import { statusInfo } from '@/lib/nightscout/v3/server-info';

export const GET = v3Route<SiteParams>(async (req, { siteId }) => {
  await authenticateSite(req, siteId, 'api:status:read');
  return v3Result(await statusInfo(Date.now()));
});
