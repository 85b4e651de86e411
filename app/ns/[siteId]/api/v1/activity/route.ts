// /ns/:siteId/api/v1/activity(.json) — GET newest first, POST one record or an array. xDrip+ posts heart
// rate (`hr-bpm`) and its running step count (`steps-total`) here: they become HEART_RATE and STEPS
// samples of the uploader, and the pipeline runs after the answer.
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { listV1, saveV1 } from '@/lib/nightscout/v1-collections';

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:activity:read');
  return listV1(req, site, 'activity');
});

export const POST = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:activity:create');
  return saveV1(req, site, 'activity', { onSamplesChanged: () => after(() => dispatch([{ key: 'samplesSynced', data: { userId: site.userId } }])) });
});
