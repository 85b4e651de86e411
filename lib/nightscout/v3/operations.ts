// API v3's generic operations on one collection, as cgm-remote-monitor performs them (lib/api3/generic/
// {create,read,update,patch,delete,search,history}/operation.js): the same validation, the same status
// codes and bodies, over a CollectionStore. CREATE of a document already stored (same identifier or
// the collection's dedup key) replaces it and answers 200 with `isDeduplication: true` and the stored
// identifier, which stays the document's address. A deleted document reads as 410 and shows in HISTORY
// with `isValid: false`.
import type { NextResponse } from 'next/server';
import type { ActiveSite } from '../../data/nightscout-sites';
import type { NightscoutPermission } from '../authenticate';
import { permission, listPermission, type CollectionName } from './collections';
import { floorSeconds, httpDateMs, normalizeDate } from './dates';
import { MESSAGES, V3Refusal, v3Json, v3Result } from './envelope';
import { compareDocs, project } from './filter';
import { resolveIdentifier } from './identifier';
import { parseFields, parseHistorySince, parseLimit, parseSearchQuery } from './query';
import { clientFields, type CollectionStore, type V3Document, type Written } from './store';
import { checkImmutable, checkWritable, validateCommon, validateIdentifier } from './validate';

export type V3Context = {
  site: ActiveSite;
  collection: CollectionName;
  store: CollectionStore;
  /** Refuses (401/403) unless the caller holds this permission too. */
  demand: (permission: NightscoutPermission) => Promise<void>;
  nowMs: number;
  /** The request path of the collection, for Location headers (`/ns/<site>/api/v3/<collection>`). */
  basePath: string;
  /** Told of every write (the route starts the pipeline when samples changed). */
  onWritten?: (written: Written) => void;
};

type Doc = Record<string, unknown>;

function documentOf(body: unknown): Doc {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length === 0) throw new V3Refusal(400, MESSAGES.badBody);
  return body as Doc;
}

const httpDate = (ms: number) => new Date(ms).toUTCString();
// Identifiers are the clients' own strings (AndroidAPS's pump records read TYPE:SERIAL:ID): encoded in a URL.
const locationOf = (ctx: V3Context, identifier: string) => `${ctx.basePath}/${encodeURIComponent(identifier)}`;

/** Whether the stored document changed after the given HTTP date (If-Unmodified-Since): then 412. */
function checkUnmodifiedSince(stored: V3Document, header: string | null) {
  const since = httpDateMs(header);
  if (since !== null && floorSeconds(stored.srvModified) > floorSeconds(since)) throw new V3Refusal(412);
}

async function replace(ctx: V3Context, doc: Doc, stored: V3Document, options: { deduplication: boolean }): Promise<NextResponse> {
  await ctx.demand(permission(ctx.collection, 'update'));
  checkWritable(stored);
  checkImmutable(doc, stored, options);
  validateCommon(doc);
  const saved = await ctx.store.save(ctx.site, { ...clientFields(doc), identifier: stored.identifier }, stored, ctx.nowMs);
  ctx.onWritten?.(saved);
  const headers = { 'Last-Modified': httpDate(saved.lastModified) };
  if (!options.deduplication) return v3Json(200, { lastModified: saved.lastModified }, headers);
  const fields: Doc = { lastModified: saved.lastModified, identifier: saved.identifier, isDeduplication: true };
  // The stored document keeps its identifier (clients address it by the one answered).
  if (typeof doc.identifier === 'string' && doc.identifier !== saved.identifier) fields.deduplicatedIdentifier = saved.identifier;
  return v3Json(200, fields, { ...headers, Location: locationOf(ctx, saved.identifier) });
}

async function insert(ctx: V3Context, doc: Doc): Promise<NextResponse> {
  await ctx.demand(permission(ctx.collection, 'create'));
  validateCommon(doc);
  const saved = await ctx.store.save(ctx.site, clientFields(doc), null, ctx.nowMs);
  ctx.onWritten?.(saved);
  const headers = { 'Last-Modified': httpDate(saved.lastModified), Location: locationOf(ctx, saved.identifier) };
  return v3Json(201, { identifier: saved.identifier, lastModified: saved.lastModified }, headers);
}

/**
 * POST /{collection}. Without an identifier the collection gives one: cgm-remote-monitor's UUIDv5 of
 * device, date and eventType, unless the document carries a client id the store keys by (see the store).
 */
export async function createDocument(ctx: V3Context, body: unknown): Promise<NextResponse> {
  const doc = normalizeDate(documentOf(body));
  validateIdentifier(resolveIdentifier(doc));
  const stored = await ctx.store.findDuplicate(ctx.site, doc);
  if (stored) return replace(ctx, doc, stored, { deduplication: true });
  return insert(ctx, doc);
}

/** GET /{collection}/{identifier} */
export async function readDocument(ctx: V3Context, identifier: string, params: URLSearchParams, headers: Headers): Promise<Response> {
  await ctx.demand(permission(ctx.collection, 'read'));
  const stored = await ctx.store.find(ctx.site, identifier);
  if (!stored) return v3Json(404);
  if (stored.isValid === false) return v3Json(410);
  const lastModified = httpDate(stored.srvModified);
  const since = httpDateMs(headers.get('if-modified-since'));
  if (since !== null && floorSeconds(stored.srvModified) <= floorSeconds(since)) return new Response(null, { status: 304, headers: { 'Last-Modified': lastModified } });
  return v3Result(project(stored, parseFields(params)), { 'Last-Modified': lastModified });
}

/** PUT /{collection}/{identifier}: replaces the document, or creates it under that identifier. */
export async function updateDocument(ctx: V3Context, identifier: string, body: unknown, headers: Headers): Promise<NextResponse> {
  const doc = normalizeDate(documentOf(body));
  const stored = await ctx.store.find(ctx.site, identifier);
  if (!stored) return insert(ctx, { ...doc, identifier });
  if (stored.isValid === false) throw new V3Refusal(410);
  checkUnmodifiedSince(stored, headers.get('if-unmodified-since'));
  return replace(ctx, { ...doc, identifier: stored.identifier }, stored, { deduplication: false });
}

/** PATCH /{collection}/{identifier}: changes the fields sent (date is not re-read: a patch adds nothing). */
export async function patchDocument(ctx: V3Context, identifier: string, body: unknown, headers: Headers): Promise<NextResponse> {
  const sent = documentOf(body);
  await ctx.demand(permission(ctx.collection, 'update'));
  const stored = await ctx.store.find(ctx.site, identifier);
  if (!stored) throw new V3Refusal(404);
  // The identifier the client addresses it by (an `_id` from API v1 days, which AndroidAPS kept) is its own.
  const patch = sent.identifier === identifier ? { ...sent, identifier: stored.identifier } : sent;
  if (stored.isValid === false) throw new V3Refusal(410);
  checkUnmodifiedSince(stored, headers.get('if-unmodified-since'));
  checkWritable(stored);
  checkImmutable(patch, stored);
  validateCommon(patch, { patching: true });
  const saved = await ctx.store.save(ctx.site, { ...clientFields(stored), ...clientFields(patch), identifier: stored.identifier }, stored, ctx.nowMs);
  ctx.onWritten?.(saved);
  return v3Json(200, {}, { 'Last-Modified': httpDate(saved.lastModified) });
}

/** DELETE /{collection}/{identifier}[?permanent=true] */
export async function deleteDocument(ctx: V3Context, identifier: string, params: URLSearchParams): Promise<NextResponse> {
  await ctx.demand(permission(ctx.collection, 'delete'));
  const stored = await ctx.store.find(ctx.site, identifier);
  if (!stored) return v3Json(404);
  checkWritable(stored);
  ctx.onWritten?.(await ctx.store.remove(ctx.site, stored, { permanent: params.get('permanent') === 'true', nowMs: ctx.nowMs }));
  return v3Json(200);
}

/** GET /{collection} */
export async function searchDocuments(ctx: V3Context, params: URLSearchParams): Promise<NextResponse> {
  await ctx.demand(listPermission(ctx.collection));
  const query = parseSearchQuery(params);
  const docs = await ctx.store.search(ctx.site, query);
  return v3Result(docs.map((d) => project(d, query.fields)));
}

/**
 * GET /{collection}/history[/{lastModified}]: changes since, deleted documents included, by srvModified;
 * a page may pass `limit` by the documents that share its last change's instant.
 */
export async function documentHistory(ctx: V3Context, pathSince: string | null, params: URLSearchParams, headers: Headers): Promise<NextResponse> {
  await ctx.demand(listPermission(ctx.collection));
  const since = parseHistorySince(pathSince, headers.get('last-modified'));
  const limit = parseLimit(params);
  const fields = parseFields(params);
  const docs = await ctx.store.history(ctx.site, since, limit);
  if (docs.length === 0) return v3Result([]);
  const newest = Math.max(...docs.map((d) => d.srvModified));
  // The client asks next for changes after the newest one here: documents changed at that same ms (one
  // upload stores its batch at one instant) must all be in this page, or they would never be seen.
  if (docs.length >= limit) {
    const seen = new Set(docs.map((d) => d.identifier));
    for (const d of await ctx.store.changedAt(ctx.site, newest)) if (!seen.has(d.identifier)) docs.push(d);
  }
  docs.sort(compareDocs({ field: 'srvModified', desc: false }));
  // AndroidAPS reads the newest change from the ETag (W/"<ms>") to ask for the next page.
  return v3Result(
    docs.map((d) => project(d, fields)),
    { 'Last-Modified': httpDate(newest), ETag: `W/"${newest}"` },
  );
}
