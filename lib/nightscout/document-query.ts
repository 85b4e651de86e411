// The query string of GET/DELETE on a v1 document collection as clients send it (cgm-remote-monitor's
// lib/server/query.js reads the same): `count` (cgm-remote-monitor's defaults per collection), and
// Mongo-style `find[field]=v` / `find[field][$op]=v` filters. The collection's time field (created_at,
// or startDate for profiles) bounds the stored time; `find[eventType]=X` is a stored column; `find[_id]`
// names one document; any other field is matched on the decrypted document: equality (numbers and
// booleans as such, `/regex/flags` as cgm-remote-monitor's parseRegEx), $ne (repeated: none of them,
// as Trio's NightscoutAPI.swift fetchCarbs means it), $exists, $gt/$gte/$lt/$lte, $in. Anything else
// is a 400 naming the parameter.
import type { DocumentQuery } from '../data/nightscout-documents';
import { ApiError } from '../http/errors';
import { parseInstant } from './document-time';
import type { Collection } from './identifier';

const MAX_COUNT = 10_000;
const FIND = /^find\[([^\]]+)\](?:\[\$(eq|ne|gt|gte|lt|lte|exists|in)\])?(?:\[\d*\])?$/;
const TIME_FIELDS: Record<Collection, string[]> = {
  treatments: ['created_at'],
  devicestatus: ['created_at'],
  activity: ['created_at'],
  profile: ['startDate'],
  food: ['created_at'],
  settings: ['created_at'],
};

type Condition = { field: string; op: string; values: string[] };

export type V1Query = { query: DocumentQuery; id: string | null; wildcard: boolean; filtered: boolean };

function bad(key: string, reason: string): never {
  throw new ApiError('BAD_REQUEST', `${key} ${reason}`, [{ field: key, reason }]);
}

function regexOf(value: string): RegExp | null {
  const m = /^\/(.*)\/([gimsuy]*)$/.exec(value);
  if (!m) return null;
  try {
    return new RegExp(m[1]!, m[2]!.replace('g', ''));
  } catch {
    return null;
  }
}

function equals(actual: unknown, expected: string): boolean {
  const re = regexOf(expected);
  if (re) return typeof actual === 'string' && re.test(actual);
  if (typeof actual === 'number') return /^-?\d+(\.\d+)?$/.test(expected) && actual === Number(expected);
  if (typeof actual === 'boolean') return String(actual) === expected;
  return actual === expected;
}

function compare(actual: unknown, op: string, expected: string): boolean {
  const a = typeof actual === 'number' ? actual : typeof actual === 'string' ? (Number.isFinite(Number(actual)) ? Number(actual) : parseInstant(actual)) : null;
  const e = /^-?\d+(\.\d+)?$/.test(expected) ? Number(expected) : parseInstant(expected);
  if (a === null || e === null || !Number.isFinite(a)) return false;
  return op === 'gt' ? a > e : op === 'gte' ? a >= e : op === 'lt' ? a < e : a <= e;
}

function matches(doc: Record<string, unknown>, c: Condition): boolean {
  const actual = c.field.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc);
  switch (c.op) {
    case 'eq':
      return c.values.every((v) => equals(actual, v));
    case 'in':
      return c.values.some((v) => equals(actual, v));
    case 'ne':
      return c.values.every((v) => !equals(actual, v));
    case 'exists':
      return c.values.every((v) => (actual !== undefined && actual !== null) === (v !== 'false' && v !== '0'));
    default:
      return c.values.every((v) => compare(actual, c.op, v));
  }
}

/** `defaultCount`: cgm-remote-monitor's default for the collection (`withFind` when a filter is given). */
export function parseDocumentQuery(params: URLSearchParams, collection: Collection, defaultCount: { plain: number; withFind: number }): V1Query {
  const conditions: Condition[] = [];
  for (const [key, raw] of params) {
    if (!key.startsWith('find[')) continue;
    const m = FIND.exec(key);
    if (!m) bad(key, 'is not a supported filter (find[field], find[field][$eq|$ne|$gt|$gte|$lt|$lte|$exists|$in])');
    const value = raw;
    const found = conditions.find((c) => c.field === m[1] && c.op === (m[2] ?? 'eq'));
    if (found) found.values.push(value);
    else conditions.push({ field: m[1]!, op: m[2] ?? 'eq', values: [value] });
  }
  const countText = params.get('count');
  const count = countText === null ? (conditions.length > 0 ? defaultCount.withFind : defaultCount.plain) : Number(countText);
  if (!Number.isInteger(count) || count < 1) bad('count', 'must be a positive integer');
  const query: DocumentQuery = { limit: Math.min(count, MAX_COUNT) };
  let id: string | null = null;
  let wildcard = false;
  const rest: Condition[] = [];
  for (const c of conditions) {
    const key = `find[${c.field}]${c.op === 'eq' ? '' : `[$${c.op}]`}`;
    if (TIME_FIELDS[collection].includes(c.field) && c.op !== 'ne' && c.op !== 'exists' && c.op !== 'in') {
      for (const v of c.values) {
        const ms = parseInstant(v.replace(/ /g, '+')); // some clients do not escape the + of an offset
        if (ms === null) bad(key, 'must be an ISO-8601 date-time or epoch milliseconds');
        // Instants are whole milliseconds: > x is ≥ x + 1.
        if (c.op === 'eq' || c.op === 'gte' || c.op === 'gt') query.fromMs = Math.max(query.fromMs ?? -Infinity, c.op === 'gt' ? ms + 1 : ms);
        if (c.op === 'eq' || c.op === 'lte' || c.op === 'lt') query.toMs = Math.min(query.toMs ?? Infinity, c.op === 'lt' ? ms - 1 : ms);
      }
    } else if (c.field === '_id' && c.op === 'eq' && c.values.length === 1) {
      if (c.values[0] === '*') wildcard = true;
      else id = c.values[0]!;
    } else if (c.field === 'identifier' && c.op === 'eq' && c.values.length === 1) {
      query.identifier = c.values[0]!;
    } else if (c.field === 'eventType' && c.op === 'eq' && c.values.length === 1 && !regexOf(c.values[0]!)) {
      query.eventType = c.values[0]!;
    } else {
      if ((c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') && c.values.some((v) => !/^-?\d+(\.\d+)?$/.test(v) && parseInstant(v) === null)) {
        bad(key, 'must be a number or a date-time');
      }
      rest.push(c);
    }
  }
  if (rest.length > 0) query.match = (doc) => rest.every((c) => matches(doc, c));
  return { query, id, wildcard, filtered: conditions.length > 0 };
}
