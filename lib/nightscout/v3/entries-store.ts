// API v3's `entries` collection over the entries we already keep: glucose samples of the site's
// uploaders (lib/nightscout/upload-entries.ts stores them, lib/data/nightscout-v3-entries.ts reads
// them). A reading's identifier is its v1 `_id` (lib/nightscout/entries.ts entryId: 24 hex digits, the
// first 8 its second), the same through v1 and v3, as cgm-remote-monitor answers `_id` as the identifier
// of a document that has none; an identifier a client sends is not kept. Its srvModified and
// srvCreated are when we stored it. Creating stores through the v1 upload path (validation, units,
// plausible range, dedup by uploader and {instant, type}: the same reading again is a deduplication, a
// changed value replaces the stored one); sgv and mbg only, since nothing else is kept. Deleting is
// refused: readings are kept as recorded (a reading is corrected by sending it again with its value).
import type { ActiveSite } from '../../data/nightscout-sites';
import { readingsInSecond, scanSiteReadings, siteUploaderNames, latestReadingStored, type Category, type ReadingScan, type SiteReading } from '../../data/nightscout-v3-entries';
import { toEntry } from '../entries';
import { uploadEntries } from '../upload-entries';
import { MESSAGES, V3Refusal } from './envelope';
import { compareDocs, matchesAll } from './filter';
import type { Filter, SearchQuery, Since } from './query';
import type { CollectionStore, V3Document } from './store';

const ENTRY_ID = /^[0-9a-f]{24}$/;
const BATCH = 500;

/**
 * A stored reading as an API v3 entry. The uploader's UTC offset is not kept (v1 answers 0), so v3
 * leaves `utcOffset` out rather than assert one: a client sending its own back is then no change.
 */
export function toV3Entry(r: SiteReading): V3Document {
  const { _id, utcOffset: _offset, ...entry } = toEntry(r);
  void _offset;
  return { ...entry, identifier: _id, units: 'mg/dl', srvCreated: r.createdMs, srvModified: r.createdMs };
}

async function find(site: ActiveSite, identifier: string): Promise<V3Document | null> {
  if (!ENTRY_ID.test(identifier)) return null;
  const readings = await readingsInSecond(site, parseInt(identifier.slice(0, 8), 16));
  const found = readings.map(toV3Entry).find((e) => e.identifier === identifier);
  return found ?? null;
}

// A new entry duplicates the reading its uploader already sent for the same instant and type.
async function findDuplicate(site: ActiveSite, doc: Record<string, unknown>): Promise<V3Document | null> {
  if (typeof doc.identifier === 'string') {
    const byId = await find(site, doc.identifier);
    if (byId) return byId;
  }
  if (typeof doc.date !== 'number') return null;
  const readings = await readingsInSecond(site, Math.floor(doc.date / 1000));
  const same = readings.map(toV3Entry).find((e) => e.date === doc.date && e.type === doc.type && e.device === uploaderName(doc));
  return same ?? null;
}

// As lib/nightscout/entries.ts uploaderOf names the uploader of a document.
function uploaderName(doc: Record<string, unknown>): string {
  for (const key of ['device', 'enteredBy']) {
    const v = doc[key];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 100);
  }
  return 'unknown';
}

async function save(site: ActiveSite, doc: Record<string, unknown>, replacing: V3Document | null, nowMs: number) {
  if (doc.type !== 'sgv' && doc.type !== 'mbg') throw new V3Refusal(400, 'Bad or missing type field: entries kept here are sgv and mbg');
  if (replacing && doc.type !== replacing.type) throw new V3Refusal(400, MESSAGES.immutableField('type'));
  // v3's `date` is the instant; the v1 path would prefer a dateString, which a v3 client need not keep in step.
  const entry = { ...doc };
  for (const field of ['identifier', 'dateString', 'sysTime']) delete entry[field];
  const result = await uploadEntries(site, entry, nowMs);
  const refused = result.rejected[0];
  // The sync path names the sample's `value`: to the client that is its sgv or mbg.
  const field = refused?.field === 'value' ? doc.type : refused?.field;
  if (refused || result.stored.length === 0) throw new V3Refusal(400, refused ? `Bad ${field} field: ${refused.reason}` : MESSAGES.badBody);
  const identifier = String(result.stored[0]!._id);
  const stored = await find(site, identifier);
  return { identifier, lastModified: stored?.srvModified ?? nowMs, samplesChanged: result.accepted > 0 };
}

async function remove(): Promise<never> {
  throw new V3Refusal(400, 'Entries cannot be deleted here: glucose readings are kept as recorded (send a corrected reading again instead)');
}

type Plan = { scan: Omit<ReadingScan, 'limit' | 'after'>; rest: Filter[] } | null;

const SORT_BY_START = new Set(['date', 'created_at', 'dateString', 'sysTime', 'identifier']);
const SORT_BY_STORED = new Set(['srvModified', 'srvCreated']);
const START_FIELDS = new Set(['date', 'created_at']);
const STORED_FIELDS = new Set(['srvModified', 'srvCreated']);

function narrow(bounds: { from?: number; to?: number }, op: Filter['op'], ms: number) {
  if (op === 'gt' || op === 'gte' || op === 'eq') bounds.from = Math.max(bounds.from ?? -Infinity, op === 'gt' ? Math.floor(ms) + 1 : Math.ceil(ms));
  if (op === 'lt' || op === 'lte' || op === 'eq') bounds.to = Math.min(bounds.to ?? Infinity, op === 'lt' ? Math.ceil(ms) - 1 : Math.floor(ms));
}

/** What storage can select (types, uploaders, time bounds, order); the other filters run on the entries read. */
async function plan(site: ActiveSite, query: Pick<SearchQuery, 'filters' | 'sort'>): Promise<Plan> {
  const sortField = query.sort?.field ?? 'identifier';
  if (!SORT_BY_START.has(sortField) && !SORT_BY_STORED.has(sortField)) throw new V3Refusal(400, `Entries can be sorted by date, identifier or srvModified, not by ${sortField}`);
  const start: { from?: number; to?: number } = {};
  const created: { from?: number; to?: number } = {};
  const rest: Filter[] = [];
  let deviceIds: string[] | undefined;
  const categories = (['interstitial', 'blood'] as Category[]).filter((c) => matchesAll({ type: c === 'interstitial' ? 'sgv' : 'mbg' }, query.filters.filter((f) => f.field === 'type')));
  for (const f of query.filters) {
    const ranged = f.op !== 'ne' && f.op !== 'in' && f.op !== 'nin' && typeof f.value === 'number';
    if (f.field === 'type') continue;
    if (ranged && START_FIELDS.has(f.field)) narrow(start, f.op, f.value as number);
    else if (ranged && STORED_FIELDS.has(f.field)) narrow(created, f.op, f.value as number);
    else if (f.field === 'device') {
      const names = await siteUploaderNames(site);
      const ids = names.filter((u) => matchesAll({ device: u.name }, [f])).map((u) => u.deviceId);
      deviceIds = deviceIds ? deviceIds.filter((id) => ids.includes(id)) : ids;
    } else {
      // An identifier names its second: read only that second.
      if (f.field === 'identifier' && f.op === 'eq' && typeof f.value === 'string' && ENTRY_ID.test(f.value)) Object.assign(start, secondOf(f.value, start));
      rest.push(f);
    }
  }
  if (categories.length === 0 || deviceIds?.length === 0) return null;
  const order = SORT_BY_STORED.has(sortField) ? 'created' : 'start';
  return { scan: { categories, deviceIds, start, created, order, desc: query.sort?.desc ?? false }, rest };
}

function secondOf(identifier: string, start: { from?: number; to?: number }) {
  const from = parseInt(identifier.slice(0, 8), 16) * 1000;
  return { from: Math.max(start.from ?? -Infinity, from), to: Math.min(start.to ?? Infinity, from + 999) };
}

/** Entries in the plan's order passing its other filters, until `wanted` are found or none are left. */
async function collect(site: ActiveSite, planned: NonNullable<Plan>, wanted: number): Promise<V3Document[]> {
  const found: V3Document[] = [];
  let after: ReadingScan['after'];
  for (;;) {
    const page = await scanSiteReadings(site, { ...planned.scan, after, limit: BATCH });
    for (const r of page.readings) {
      const entry = toV3Entry(r);
      if (matchesAll(entry, planned.rest)) found.push(entry);
    }
    if (found.length >= wanted || !page.next) return found;
    after = page.next;
  }
}

async function search(site: ActiveSite, query: SearchQuery): Promise<V3Document[]> {
  const planned = await plan(site, query);
  if (!planned) return [];
  const found = await collect(site, planned, query.skip + query.limit);
  // Readings of one second keep the identifier's order, as the original sorts by identifier after the sort field.
  return found.sort(compareDocs(query.sort)).slice(query.skip, query.skip + query.limit);
}

async function history(site: ActiveSite, since: Since, limit: number): Promise<V3Document[]> {
  const scan: NonNullable<Plan>['scan'] = { categories: ['interstitial', 'blood'], created: { from: since.ms, fromInclusive: since.inclusive }, order: 'created', desc: false };
  return (await collect(site, { scan, rest: [] }, limit)).slice(0, limit);
}

async function changedAt(site: ActiveSite, ms: number): Promise<V3Document[]> {
  const scan: NonNullable<Plan>['scan'] = { categories: ['interstitial', 'blood'], created: { from: ms, fromInclusive: true, to: ms }, order: 'created', desc: false };
  return collect(site, { scan, rest: [] }, Infinity);
}

export const entriesStore: CollectionStore = {
  find,
  findDuplicate,
  save,
  remove,
  search,
  history,
  changedAt,
  lastModified: latestReadingStored,
};
