// API v1 of the document collections (treatments, devicestatus, profile, activity) as the routes under
// app/ns/[siteId]/api/v1/ answer them, shaped as cgm-remote-monitor's lib/api/<collection>/index.js:
// GET lists newest first (its default counts), POST stores one document or an array and answers the
// stored documents with their `_id` (refused ones named in X-Rejected-Entries; all refused is a 400),
// DELETE by id or by a query removes (soft) and answers the count. Reads come from our store. When
// samples changed the route starts the pipeline (`onSamplesChanged`), after the answer.
import { NextResponse, type NextRequest } from 'next/server';
import { findDocuments } from '../data/nightscout-documents';
import type { ActiveSite } from '../data/nightscout-sites';
import { ApiError } from '../http/errors';
import { readNightscoutJson } from './authenticate';
import { parseDocumentQuery } from './document-query';
import { findDocumentById, REJECTED_HEADER, removeDocument, saveDocuments, toV1, type Refusal } from './documents';
import type { Collection } from './identifier';

const MAX_REJECTIONS_SHOWN = 50;
// A query-based DELETE removes at most this many documents per request.
const MAX_DELETED = 1000;

// cgm-remote-monitor's default `count` per collection (treatments: 100, 1000 with a filter).
export const DEFAULT_COUNTS: Record<Collection, { plain: number; withFind: number }> = {
  treatments: { plain: 100, withFind: 1000 },
  devicestatus: { plain: 10, withFind: 10 },
  profile: { plain: 10, withFind: 10 },
  activity: { plain: 100, withFind: 1000 },
  food: { plain: 100, withFind: 100 },
  settings: { plain: 10, withFind: 10 },
};

type Changes = { onSamplesChanged: () => void };

export async function listV1(req: NextRequest, site: ActiveSite, collection: Collection): Promise<Response> {
  const { query, id, wildcard } = parseDocumentQuery(req.nextUrl.searchParams, collection, DEFAULT_COUNTS[collection]);
  if (id !== null && !wildcard) {
    const found = await findDocumentById(site, collection, id);
    return NextResponse.json(found?.isValid && (!query.match || query.match(found.doc)) ? [toV1(found)] : []);
  }
  const documents = await findDocuments(site, collection, query);
  return NextResponse.json(documents.map(toV1));
}

/** POST (and PUT, which cgm-remote-monitor also upserts): `single` answers one object, as its PUT does. */
export async function saveV1(req: NextRequest, site: ActiveSite, collection: Collection, options: Changes & { single?: boolean }): Promise<Response> {
  const body = await readNightscoutJson(req);
  const docs = Array.isArray(body) ? body : [body];
  const { results, samplesChanged } = await saveDocuments(site, collection, docs, Date.now());
  if (samplesChanged) options.onSamplesChanged();
  const refused: Refusal[] = results.flatMap((r) => ('refused' in r ? [r.refused] : []));
  const stored = results.flatMap((r) => ('outcome' in r ? [r.document ? toV1(r.document) : r.doc] : []));
  if (stored.length === 0) throw new ApiError('BAD_REQUEST', docs.length === 1 ? `the document was refused: ${refused[0]!.field} ${refused[0]!.reason}` : 'every document was refused', refused);
  const headers: Record<string, string> = {};
  if (refused.length > 0) headers[REJECTED_HEADER] = JSON.stringify(refused.slice(0, MAX_REJECTIONS_SHOWN));
  return NextResponse.json(options.single && !Array.isArray(body) ? stored[0] : stored, { headers });
}

/** DELETE one document by `_id` (or identifier); `*` and a query remove every match (at most MAX_DELETED). */
export async function deleteV1(req: NextRequest, site: ActiveSite, collection: Collection, pathId: string | null, changes: Changes): Promise<Response> {
  const parsed = parseDocumentQuery(req.nextUrl.searchParams, collection, { plain: MAX_DELETED, withFind: MAX_DELETED });
  const id = pathId === '*' ? null : (pathId ?? parsed.id);
  const wildcard = pathId === '*' || parsed.wildcard;
  let identifiers: string[];
  if (id !== null) {
    const found = await findDocumentById(site, collection, id);
    identifiers = found?.isValid && (!parsed.query.match || parsed.query.match(found.doc)) ? [found.identifier] : [];
  } else {
    // cgm-remote-monitor deletes the last days' documents when nothing is named; here something must be.
    if (!parsed.filtered && !wildcard) throw new ApiError('BAD_REQUEST', 'name the documents to delete: /<collection>/<_id> or find[...] filters');
    if (wildcard && !parsed.filtered) throw new ApiError('BAD_REQUEST', 'deleting every document needs find[...] filters too');
    identifiers = (await findDocuments(site, collection, { ...parsed.query, limit: Math.min(parsed.query.limit, MAX_DELETED) })).map((d) => d.identifier);
  }
  let deleted = 0;
  let samplesChanged = false;
  const nowMs = Date.now();
  for (const identifier of identifiers) {
    const result = await removeDocument(site, collection, identifier, nowMs);
    if (result.removed) deleted++;
    samplesChanged ||= result.samplesChanged;
  }
  if (samplesChanged) changes.onSamplesChanged();
  return NextResponse.json({ acknowledged: true, deletedCount: deleted, n: deleted, ok: 1 });
}
