// What API v3's generic operations need of a collection's storage. Two kinds implement it: entries,
// kept as glucose samples (lib/nightscout/v3/entries-store.ts), and the other collections, kept as
// documents. The operations (lib/nightscout/v3/operations.ts) own the protocol: validation, immutable
// fields, status codes; a store only finds, saves and lists.
import type { ActiveSite } from '../../data/nightscout-sites';
import type { SearchQuery, Since } from './query';

/** A stored document as API v3 shows it: the client's fields plus the server's. */
export type V3Document = Record<string, unknown> & {
  identifier: string;
  srvModified: number;
  srvCreated: number;
  /** Present (false) only on a deleted document. */
  isValid?: false;
};

export type Written = {
  /** Samples of the patient changed (the pipeline has to run). */
  samplesChanged?: boolean;
};

export type Saved = Written & { identifier: string; lastModified: number };

export type CollectionStore = {
  /** One document by identifier, a deleted one included. */
  find(site: ActiveSite, identifier: string): Promise<V3Document | null>;
  /**
   * The stored document a new one duplicates (the identifier it carries, else the one the collection
   * gives it, or the collection's own dedup key), deleted ones included.
   */
  findDuplicate(site: ActiveSite, doc: Record<string, unknown>): Promise<V3Document | null>;
  /**
   * Stores the client's fields of a document: in place of `replacing`, else as a new one under the
   * identifier it carries or, without one, the identifier the collection gives it (returned).
   */
  save(site: ActiveSite, doc: Record<string, unknown>, replacing: V3Document | null, nowMs: number): Promise<Saved>;
  /** Marks the document deleted (history then shows it with isValid false); `permanent` removes it. */
  remove(site: ActiveSite, stored: V3Document, options: { permanent: boolean; nowMs: number }): Promise<Written>;
  /** Valid documents matching the query's filters, in its order, after `skip`, at most `limit`. */
  search(site: ActiveSite, query: SearchQuery): Promise<V3Document[]>;
  /** Documents changed since, deleted ones included, oldest change first, at most `limit`. */
  history(site: ActiveSite, since: Since, limit: number): Promise<V3Document[]>;
  /** Every document whose last change is at exactly this ms (one upload stores a whole batch at one instant). */
  changedAt(site: ActiveSite, ms: number): Promise<V3Document[]>;
  /** The latest change in the collection (ms), or null when it holds nothing. */
  lastModified(site: ActiveSite): Promise<number | null>;
};

/** The fields the server owns: never taken from a client's document. */
export const SERVER_FIELDS = ['srvModified', 'srvCreated', 'isValid', 'subject', 'modifiedBy', '_id'] as const;

export function clientFields(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...doc };
  for (const field of SERVER_FIELDS) delete copy[field];
  return copy;
}
