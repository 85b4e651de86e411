// The query string of GET /api/v1/entries as clients send it: `count` (default 10, as cgm-remote-monitor)
// and Mongo-style filters `find[date][$gte]=<ms>` ($gt, $lte, $lt; also on `dateString` and `sysTime`
// with ISO dates) and `find[type]=sgv`. Anything else is ignored, as the original ignores unknown fields.
import { ApiError } from '../http/errors';
import type { EntryQuery } from '../data/nightscout-entries';

const DEFAULT_COUNT = 10;
const MAX_COUNT = 10_000;
const FILTER = /^find\[(date|dateString|sysTime|created_at)\]\[\$(gte|gt|lte|lt)\]$/;

function instantOf(value: string): number | null {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

export function parseEntryQuery(params: URLSearchParams, types: EntryQuery['types']): EntryQuery {
  const countText = params.get('count');
  const count = countText === null ? DEFAULT_COUNT : Number(countText);
  if (!Number.isInteger(count) || count < 1) throw new ApiError('BAD_REQUEST', 'count must be a positive integer');
  const query: EntryQuery = { types, count: Math.min(count, MAX_COUNT) };
  for (const [key, value] of params) {
    const match = FILTER.exec(key);
    if (!match) continue;
    const ms = instantOf(value);
    if (ms === null) throw new ApiError('BAD_REQUEST', `${key} must be a time in ms or an ISO date`);
    const op = match[2]!;
    // Instants are whole milliseconds: > x is ≥ x + 1.
    if (op === 'gte' || op === 'gt') query.fromMs = Math.max(query.fromMs ?? -Infinity, op === 'gt' ? Math.floor(ms) + 1 : Math.ceil(ms));
    else query.toMs = Math.min(query.toMs ?? Infinity, op === 'lt' ? Math.ceil(ms) - 1 : Math.floor(ms));
  }
  const type = params.get('find[type]');
  if (type !== null) query.types = types.filter((t) => t === type);
  return query;
}
