// /ns/:siteId/api/v1/treatments(.json) — GET newest first (find[created_at], find[eventType], … filters),
// POST one treatment or an array (upserted by identifier: lib/nightscout/documents.ts), PUT to update
// one (xDrip+ upserts this way), DELETE by find[...] filters. Treatments are projected into samples and
// timeline notes; the pipeline runs after the answer when samples changed.
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { deleteV1, listV1, saveV1 } from '@/lib/nightscout/v1-collections';

const onSamplesChanged = (userId: string) => () => after(() => dispatch([{ key: 'samplesSynced', data: { userId } }]));

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:treatments:read');
  return listV1(req, site, 'treatments');
});

export const POST = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:treatments:create');
  return saveV1(req, site, 'treatments', { onSamplesChanged: onSamplesChanged(site.userId) });
});

export const PUT = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:treatments:update');
  return saveV1(req, site, 'treatments', { single: true, onSamplesChanged: onSamplesChanged(site.userId) });
});

export const DELETE = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:treatments:delete');
  return deleteV1(req, site, 'treatments', null, { onSamplesChanged: onSamplesChanged(site.userId) });
});
