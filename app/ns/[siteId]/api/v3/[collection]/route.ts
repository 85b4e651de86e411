// GET /ns/:siteId/api/v3/:collection — SEARCH (filters, sort, limit ≤ 1,000, skip, fields);
// POST — CREATE: 201 { identifier, lastModified }, or 200 with isDeduplication for a document already
// stored. API v3 as cgm-remote-monitor serves it, for AndroidAPS (lib/nightscout/v3).
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import type { ActiveSite } from '@/lib/data/nightscout-sites';
import { readNightscoutJson } from '@/lib/nightscout/authenticate';
import { collectionContext, v3Route, type CollectionParams } from '@/lib/nightscout/v3/handler';
import { createDocument, searchDocuments } from '@/lib/nightscout/v3/operations';

const runPipeline = (site: ActiveSite) => after(() => dispatch([{ key: 'samplesSynced', data: { userId: site.userId } }]));

export const GET = v3Route<CollectionParams>(async (req, params) => searchDocuments(await collectionContext(req, params, 'list'), req.nextUrl.searchParams));

export const POST = v3Route<CollectionParams>(async (req, params) => {
  const ctx = await collectionContext(req, params, 'create', runPipeline);
  return createDocument(ctx, await readNightscoutJson(req));
});
