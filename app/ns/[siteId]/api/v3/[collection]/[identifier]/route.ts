// GET /ns/:siteId/api/v3/:collection/:identifier — READ (404 unknown, 410 deleted); PUT — UPDATE (or
// create under that identifier); PATCH — change some fields; DELETE — soft delete (history then shows
// the document with isValid false). API v3 as cgm-remote-monitor serves it (lib/nightscout/v3).
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import type { ActiveSite } from '@/lib/data/nightscout-sites';
import { readNightscoutJson } from '@/lib/nightscout/authenticate';
import { collectionContext, v3Route, type CollectionParams } from '@/lib/nightscout/v3/handler';
import { deleteDocument, patchDocument, readDocument, updateDocument } from '@/lib/nightscout/v3/operations';

type Params = CollectionParams & { identifier: string };

const runPipeline = (site: ActiveSite) => after(() => dispatch([{ key: 'samplesSynced', data: { userId: site.userId } }]));

export const GET = v3Route<Params>(async (req, params) =>
  readDocument(await collectionContext(req, params, 'read'), params.identifier, req.nextUrl.searchParams, req.headers),
);

export const PUT = v3Route<Params>(async (req, params) => {
  const ctx = await collectionContext(req, params, 'update', runPipeline);
  return updateDocument(ctx, params.identifier, await readNightscoutJson(req), req.headers);
});

export const PATCH = v3Route<Params>(async (req, params) => {
  const ctx = await collectionContext(req, params, 'update', runPipeline);
  return patchDocument(ctx, params.identifier, await readNightscoutJson(req), req.headers);
});

export const DELETE = v3Route<Params>(async (req, params) =>
  deleteDocument(await collectionContext(req, params, 'delete'), params.identifier, req.nextUrl.searchParams),
);
