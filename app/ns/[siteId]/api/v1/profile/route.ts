// /ns/:siteId/api/v1/profile(.json) — GET the stored profile documents, newest startDate first (10 by
// default; Trio's importSettings reads `count=1`), POST one or an array (Loop, Trio upload theirs).
// Profiles are stored and read back only.
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { listV1, saveV1 } from '@/lib/nightscout/v1-collections';

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:profile:read');
  return listV1(req, site, 'profile');
});

export const POST = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:profile:create');
  return saveV1(req, site, 'profile', { onSamplesChanged: () => undefined });
});
