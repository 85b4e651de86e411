// API v3's treatments, devicestatus, profile, food and settings over the Nightscout document store
// (lib/data/nightscout-documents.ts): one document per identifier within the site and collection,
// encrypted, soft-deleted (history shows `isValid: false`). A document that comes without an identifier
// is keyed by the store's rule (lib/nightscout/identifier.ts: a client id such as AndroidAPS's pump
// record, else cgm-remote-monitor's UUIDv5), so the same event sent through v1 and v3 is one document.
// Like the original's fallback deduplication, a v3 treatment also finds the v1 treatment of the same
// {created_at, eventType}. SEARCH runs in the database when its filters and order are ones the store
// indexes (time, eventType, identifier, srvModified); any other filter or order reads at most
// MAX_SCANNED documents of the time range asked and is refused beyond that, never answered partially.
// Without `sort` documents come oldest first (the original orders them by identifier, which no client
// relies on: AndroidAPS sorts by date or created_at, or reads all food).
import { findDocuments, getDocumentByObjectId, type DocumentQuery, type StoredDocument } from '../../data/nightscout-documents';
import type { ActiveSite } from '../../data/nightscout-sites';
import { countChangedAt, latestDocumentChange } from '../../data/nightscout-v3-documents';
import { findDocumentById, removeDocument, saveDocuments } from '../documents';
import { documentIdentifier, isObjectId, nightscoutUuid, type Collection } from '../identifier';
import { parseTime } from './dates';
import { V3Refusal } from './envelope';
import { compareDocs, matchesAll } from './filter';
import type { Filter, SearchQuery, Since } from './query';
import { clientFields, type CollectionStore, type V3Document } from './store';

const MAX_SCANNED = 20_000;

/** A stored document as API v3 shows it: its fields, the identifier, the server's times, and isValid false once deleted. */
export function toV3Document(stored: StoredDocument): V3Document {
  const doc: Record<string, unknown> = { ...stored.doc };
  delete doc._id;
  return {
    ...doc,
    identifier: stored.identifier,
    date: doc.date ?? stored.dateMs,
    srvCreated: stored.srvCreatedMs,
    srvModified: stored.srvModifiedMs,
    ...(stored.isValid ? {} : { isValid: false as const }),
  };
}

const dateOf = (doc: Record<string, unknown>, fallback: number) => parseTime(doc.date)?.ms ?? parseTime(doc.created_at)?.ms ?? fallback;

function identifierFor(collection: Collection, doc: Record<string, unknown>, ours: string | null): string {
  return documentIdentifier(collection, doc, dateOf(doc, 0), 'v3', ours);
}

export function documentsStore(collection: Collection): CollectionStore {
  const find = async (site: ActiveSite, identifier: string) => {
    const stored = await findDocumentById(site, collection, identifier);
    return stored ? toV3Document(stored) : null;
  };

  return {
    find,

    async findDuplicate(site, doc) {
      const ours = isObjectId(doc._id) ? ((await getDocumentByObjectId(site, collection, doc._id))?.identifier ?? null) : null;
      const same = await find(site, identifierFor(collection, doc, ours));
      if (same || collection !== 'treatments' || typeof doc.date !== 'number') return same;
      // A treatment first stored through API v1 without a client id is keyed by {created_at, eventType}.
      return find(site, nightscoutUuid(`${doc.date}_${String(doc.eventType ?? '')}`));
    },

    // Through the document use case (lib/nightscout/documents.ts): its checks, the echo guard, and the
    // projection of treatments into the product (insulin, carbs, notes).
    async save(site, doc, replacing, nowMs) {
      const input = replacing ? { ...clientFields(doc), identifier: replacing.identifier } : clientFields(doc);
      const { results, samplesChanged } = await saveDocuments(site, collection, [input], nowMs, { api: 'v3' });
      const result = results[0]!;
      if ('refused' in result) throw new V3Refusal(400, `Bad ${result.refused.field} field: ${result.refused.reason}`);
      // An echo of what a client read from Nightscout is not stored again: it answers as the document it names.
      return { identifier: result.identifier, lastModified: result.document?.srvModifiedMs ?? nowMs, samplesChanged };
    },

    async remove(site, stored, { nowMs }) {
      // `permanent=true` is a soft delete too: deleted documents are kept as evidence (and their projection removed).
      const { samplesChanged } = await removeDocument(site, collection, stored.identifier, nowMs);
      return { samplesChanged };
    },

    async search(site, query) {
      const plan = planSearch(query);
      if (plan.inDatabase) {
        const found = await findDocuments(site, collection, { ...plan.sql, limit: query.limit, skip: query.skip });
        return found.map(toV3Document);
      }
      const scanned = await findDocuments(site, collection, { ...plan.sql, limit: MAX_SCANNED + 1 });
      if (scanned.length > MAX_SCANNED) throw new V3Refusal(400, `More than ${MAX_SCANNED} documents to filter or sort that way: narrow the search by date`);
      return scanned
        .map(toV3Document)
        .filter((d) => matchesAll(d, plan.rest))
        .sort(compareDocs(query.sort))
        .slice(query.skip, query.skip + query.limit);
    },

    async history(site, since: Since, limit) {
      const found = await findDocuments(site, collection, { modifiedSinceMs: since.inclusive ? since.ms - 1 : since.ms, includeDeleted: true, limit });
      return found.map(toV3Document);
    },

    async changedAt(site, ms) {
      const count = await countChangedAt(site, collection, ms);
      if (count === 0) return [];
      const found = await findDocuments(site, collection, { modifiedSinceMs: ms - 1, includeDeleted: true, limit: count });
      return found.filter((d) => d.srvModifiedMs === ms).map(toV3Document);
    },

    lastModified: (site) => latestDocumentChange(site, collection),
  };
}

type Plan = { sql: Omit<DocumentQuery, 'limit' | 'skip'>; rest: Filter[]; inDatabase: boolean };

const DATE_FIELDS = new Set(['date', 'created_at', 'mills']);

/** Which of the query's filters and order the store can apply itself (then it pages too), and the rest. */
export function planSearch(query: Pick<SearchQuery, 'filters' | 'sort'>): Plan {
  const sql: Plan['sql'] = {};
  const rest: Filter[] = [];
  const sortField = query.sort?.field;
  const bySrvModified = sortField === 'srvModified' && !query.sort?.desc;
  for (const f of query.filters) {
    const ranged = (f.op === 'gt' || f.op === 'gte' || f.op === 'lt' || f.op === 'lte' || f.op === 'eq') && typeof f.value === 'number';
    if (ranged && DATE_FIELDS.has(f.field)) {
      const ms = f.value as number;
      if (f.op !== 'lt' && f.op !== 'lte') sql.fromMs = Math.max(sql.fromMs ?? -Infinity, f.op === 'gt' ? Math.floor(ms) + 1 : Math.ceil(ms));
      if (f.op !== 'gt' && f.op !== 'gte') sql.toMs = Math.min(sql.toMs ?? Infinity, f.op === 'lt' ? Math.ceil(ms) - 1 : Math.floor(ms));
    } else if (f.op === 'eq' && f.field === 'eventType' && typeof f.value === 'string' && sql.eventType === undefined) sql.eventType = f.value;
    else if (f.op === 'eq' && f.field === 'identifier' && typeof f.value === 'string' && sql.identifier === undefined) sql.identifier = f.value;
    else if (bySrvModified && f.field === 'srvModified' && (f.op === 'gt' || f.op === 'gte') && typeof f.value === 'number' && sql.modifiedSinceMs === undefined) {
      sql.modifiedSinceMs = f.op === 'gt' ? f.value : f.value - 1;
    } else rest.push(f);
  }
  // Sorted by srvModified the store lists changes after an instant: all of them when no bound was asked.
  if (bySrvModified) sql.modifiedSinceMs ??= -1;
  const dateOrder = sortField === undefined || DATE_FIELDS.has(sortField);
  if (dateOrder) sql.ascending = !query.sort?.desc;
  return { sql, rest, inDatabase: rest.length === 0 && (dateOrder || bySrvModified) };
}
