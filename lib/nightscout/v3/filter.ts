// Filters and sorting of API v3 applied to documents in memory, with MongoDB's rules as the original
// relies on them: a dotted field reaches into sub-documents; `eq` on an array field matches an element;
// ordering compares numbers with numbers and strings with strings (a missing field is no match); in a
// sort, missing values come first, then numbers, then strings. Storage applies what it can itself
// (times, identifiers); this is the rest.
import type { Filter, FilterValue, Sort } from './query';

type Doc = Record<string, unknown>;

/** The value at a dotted path (`pump.battery.percent`), or undefined. */
export function valueAt(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Doc)[key];
  }
  return current;
}

const candidates = (value: unknown): unknown[] => (Array.isArray(value) ? [value, ...value] : [value]);

function ordered(a: unknown, b: FilterValue): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function matchesOne(value: unknown, filter: Filter): boolean {
  const { op } = filter;
  if (op === 'in' || op === 'nin') {
    const list = String(filter.value).split('|');
    const found = candidates(value).some((v) => (typeof v === 'string' || typeof v === 'number') && list.includes(String(v)));
    return op === 'in' ? found : !found;
  }
  const equal = candidates(value).some((v) => v === filter.value);
  if (op === 'eq') return equal;
  if (op === 'ne') return !equal;
  return candidates(value).some((v) => {
    const c = ordered(v, filter.value);
    if (c === null) return false;
    return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
  });
}

/** Whether the document passes every filter. */
export function matchesAll(doc: Doc, filters: Filter[]): boolean {
  return filters.every((f) => matchesOne(valueAt(doc, f.field), f));
}

function rank(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return (a as number) - (b as number);
  if (ra === 2) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  return 0;
}

/**
 * The original's order: the sort field, then identifier, created_at and date, all in the sort's
 * direction (ascending by identifier when no sort is asked for).
 */
export function compareDocs(sort: Sort | null): (a: Doc, b: Doc) => number {
  const desc = sort?.desc ?? false;
  const keys = [...(sort ? [sort.field] : []), 'identifier', 'created_at', 'date'];
  return (a, b) => {
    for (const key of keys) {
      const c = compareValues(valueAt(a, key), valueAt(b, key));
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  };
}

/** Only the fields asked for (`fields`), or the whole document. */
export function project(doc: Doc, fields: string[] | null): Doc {
  if (!fields) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([key]) => fields.includes(key)));
}
