// What API v3 needs of the Nightscout document store beyond lib/data/nightscout-documents.ts: when a
// collection of a site last changed (LAST MODIFIED), deleted documents included (a deletion is a change),
// and how many documents share one change instant (a batch upload stores them all at one).
import { prisma } from '../db/client';
import type { Collection } from '../nightscout/identifier';
import type { SiteScope } from './nightscout-documents';

export async function latestDocumentChange(site: SiteScope, collection: Collection): Promise<number | null> {
  const [row] = await prisma.$queryRaw<{ ms: number | null }[]>`
    SELECT (extract(epoch FROM max(srv_modified)) * 1000)::float8 AS ms FROM nightscout_documents
    WHERE site_id = ${site.id}::uuid AND user_id = ${site.userId}::uuid AND collection = ${collection}`;
  return row?.ms ?? null;
}

export async function countChangedAt(site: SiteScope, collection: Collection, ms: number): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM nightscout_documents
    WHERE site_id = ${site.id}::uuid AND user_id = ${site.userId}::uuid AND collection = ${collection} AND srv_modified = ${new Date(ms)}`;
  return row?.n ?? 0;
}
