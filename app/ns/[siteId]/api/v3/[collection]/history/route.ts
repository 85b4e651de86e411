// GET /ns/:siteId/api/v3/:collection/history — HISTORY since the request's Last-Modified header (that
// second included): changes oldest first, deleted documents with isValid false, ETag W/"<newest ms>".
import { collectionContext, v3Route, type CollectionParams } from '@/lib/nightscout/v3/handler';
import { documentHistory } from '@/lib/nightscout/v3/operations';

export const GET = v3Route<CollectionParams>(async (req, params) =>
  documentHistory(await collectionContext(req, params, 'list'), null, req.nextUrl.searchParams, req.headers),
);
