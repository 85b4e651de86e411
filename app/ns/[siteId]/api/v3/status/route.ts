// GET /ns/:siteId/api/v3/status — versions and what the caller may do per collection (letters c r u d);
// AndroidAPS checks it when it connects and uploads only with "crud" everywhere (an admin token).
import { v3Result } from '@/lib/nightscout/v3/envelope';
import { v3Credential, v3Route, type SiteParams } from '@/lib/nightscout/v3/handler';
import { statusInfo } from '@/lib/nightscout/v3/server-info';

export const GET = v3Route<SiteParams>(async (req, { siteId }) => {
  const { groups } = await v3Credential(req, siteId, 'api:status:read');
  return v3Result(await statusInfo(groups, Date.now()));
});
