// GET /ns/:siteId/api/v3/:collection/history/:lastModified — HISTORY after that instant (ms, seconds or
// ISO), as AndroidAPS asks for entries, treatments, devicestatus and profile changes in its loop.
import { collectionContext, v3Route, type CollectionParams } from '@/lib/nightscout/v3/handler';
import { documentHistory } from '@/lib/nightscout/v3/operations';

type Params = CollectionParams & { lastModified: string };

export const GET = v3Route<Params>(async (req, params) =>
  documentHistory(await collectionContext(req, params, 'list'), params.lastModified, req.nextUrl.searchParams, req.headers),
);
