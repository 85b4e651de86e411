// GET /ns/:siteId/api/v3/version — open, as in cgm-remote-monitor: versions only, the same for any site
// id (no site is looked up, so it tells nothing about which sites exist).
import { route } from '@/lib/http/handler';
import { v3ErrorResponse, v3Result } from '@/lib/nightscout/v3/envelope';
import { versionInfo } from '@/lib/nightscout/v3/server-info';

export const GET = route('nobody', async () => {
  try {
    return v3Result(await versionInfo(Date.now()));
  } catch (error) {
    return v3ErrorResponse(error);
  }
});
