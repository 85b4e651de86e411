// The query string of API v3's SEARCH and HISTORY as cgm-remote-monitor parses it (lib/api3/generic/
// search/input.js, collection.js parseLimit, history/operation.js): `limit` (1 to 1,000, default 1,000:
// the page limit), `skip`, `sort` or `sort$desc` (not both), `fields` (a comma list, `_all` for all),
// and every other parameter a filter `<field>$<op>=<value>` (`<field>=<value>` is `eq`). Values are
// typed as the original types them: numbers, booleans, 'quoted' strings; times (date, srvModified,
// srvCreated, created_at) in any form parseTime reads become ms, so storage can compare instants.
// The original's `re` (a regular expression run by MongoDB) is refused: run here it would let any
// client stall the server with a pathological pattern.
import { floorSeconds, httpDateMs, parseTime } from './dates';
import { MESSAGES, V3Refusal } from './envelope';

export const MAX_LIMIT = 1000;

export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin'] as const;
export type Operator = (typeof OPERATORS)[number];
export type FilterValue = string | number | boolean;
export type Filter = { field: string; op: Operator; value: FilterValue };
export type Sort = { field: string; desc: boolean };
export type SearchQuery = { filters: Filter[]; sort: Sort | null; limit: number; skip: number; fields: string[] | null };

// `secret` is our v1-style way to send the API secret in the URL; it is no filter either.
const RESERVED = new Set(['token', 'secret', 'sort', 'sort$desc', 'limit', 'skip', 'fields', 'now']);
export const TIME_FIELDS = new Set(['date', 'srvModified', 'srvCreated', 'created_at']);
const FILTER_KEY = /^(.*)\$([a-zA-Z]+)$/;
const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function typedValue(field: string, raw: string): FilterValue {
  if (TIME_FIELDS.has(field)) {
    const time = parseTime(raw);
    if (time) return time.ms;
  }
  if (NUMBER.test(raw)) return Number(raw);
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'")) return raw.slice(1, -1);
  return raw;
}

/** `limit`: 1 to 1,000 (400 outside), 1,000 when absent. */
export function parseLimit(params: URLSearchParams): number {
  const raw = params.get('limit');
  if (raw === null || raw === '') return MAX_LIMIT;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > MAX_LIMIT) throw new V3Refusal(400, MESSAGES.badLimit);
  return Math.max(1, Math.floor(n));
}

function parseSkip(params: URLSearchParams): number {
  const raw = params.get('skip');
  if (raw === null || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new V3Refusal(400, MESSAGES.badSkip);
  return Math.floor(n);
}

/** `fields`: null for every field (absent or `_all`), else the names listed. */
export function parseFields(params: URLSearchParams): string[] | null {
  const raw = params.get('fields');
  if (!raw || raw === '_all') return null;
  return raw.split(',').map((f) => f.trim()).filter(Boolean);
}

function parseSort(params: URLSearchParams): Sort | null {
  const asc = params.get('sort');
  const desc = params.get('sort$desc');
  if (asc && desc) throw new V3Refusal(400, MESSAGES.sortAndSortDesc);
  if (desc) return { field: desc, desc: true };
  return asc ? { field: asc, desc: false } : null;
}

export function parseFilters(params: URLSearchParams): Filter[] {
  const filters: Filter[] = [];
  for (const [key, raw] of params) {
    if (RESERVED.has(key)) continue;
    const match = FILTER_KEY.exec(key);
    const field = match ? match[1]! : key;
    const op = match ? match[2]! : 'eq';
    if (!(OPERATORS as readonly string[]).includes(op)) throw new V3Refusal(400, MESSAGES.unsupportedOperator(op));
    // `in` and `nin` take a |-separated list of strings, untyped, as the original splits them.
    filters.push({ field, op: op as Operator, value: op === 'in' || op === 'nin' ? raw : typedValue(field, raw) });
  }
  return filters;
}

export function parseSearchQuery(params: URLSearchParams): SearchQuery {
  return { filters: parseFilters(params), sort: parseSort(params), limit: parseLimit(params), skip: parseSkip(params), fields: parseFields(params) };
}

/** Changes since: after the time in the path (exclusive), or from the Last-Modified header's second (inclusive). */
export type Since = { ms: number; inclusive: boolean };

export function parseHistorySince(pathValue: string | null, lastModifiedHeader: string | null): Since {
  if (pathValue !== null) {
    const time = parseTime(pathValue);
    if (!time) throw new V3Refusal(400, MESSAGES.badLastModified);
    return { ms: time.ms, inclusive: false };
  }
  const header = httpDateMs(lastModifiedHeader);
  if (header === null) throw new V3Refusal(400, MESSAGES.badLastModified);
  return { ms: floorSeconds(header), inclusive: true };
}
