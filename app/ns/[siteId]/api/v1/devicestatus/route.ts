// /ns/:siteId/api/v1/devicestatus(.json) — GET newest first (10 by default), POST one status or an
// array (Loop, Trio, AndroidAPS, xDrip+: pump, loop and uploader state), DELETE by find[...] filters.
// Statuses are stored only; lib/data/nightscout-devicestatus.ts reads the latest for the product.
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { deleteV1, listV1, saveV1 } from '@/lib/nightscout/v1-collections';

const noSamples = { onSamplesChanged: () => undefined };

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:devicestatus:read');
  return listV1(req, site, 'devicestatus');
});

export const POST = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:devicestatus:create');
  return saveV1(req, site, 'devicestatus', noSamples);
});

export const DELETE = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:devicestatus:delete');
  return deleteV1(req, site, 'devicestatus', null, noSamples);
});
