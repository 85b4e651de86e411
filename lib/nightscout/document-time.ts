// A Nightscout document's own time, pure. Clients write it in many ways: ISO-8601 strings with or
// without an offset (Loop, Trio), Java's `+0100` offsets (xDrip+), epoch milliseconds as numbers or
// strings (xDrip+'s `timestamp`, AndroidAPS's `date`/`mills`), epoch seconds (API v3 accepts them).
// Which field counts follows the server: for v1 cgm-remote-monitor's lib/server/treatments.js takes
// `eventTime` over `created_at`; AndroidAPS's RemoteTreatment.timestamp() reads date, mills, timestamp,
// created_at; API v3 requires `date`; a profile is dated by `startDate`.
import type { Api, Collection } from './identifier';

const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
// Epoch values below this are seconds (2001-09-09 in ms; 5138 AD in seconds).
const SECONDS_BELOW = 1e12;

/** An instant in ms, or null when the value is not one. */
export function parseInstant(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    return Math.round(value < SECONDS_BELOW ? value * 1000 : value);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return parseInstant(Number(text));
  if (!ISO.test(text)) return null;
  // Offset-less times are read as UTC (the server's zone, as cgm-remote-monitor runs); `+0100` as `+01:00`.
  const normalized = (HAS_OFFSET.test(text) ? text : `${text}Z`).replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalized);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

const FIELDS: Record<Api, Record<Collection, string[]>> = {
  v1: {
    treatments: ['eventTime', 'created_at', 'date', 'mills', 'timestamp'],
    devicestatus: ['created_at', 'date', 'mills'],
    profile: ['startDate', 'created_at', 'date', 'mills'],
    food: ['created_at', 'date'],
    settings: ['created_at', 'date'],
    activity: ['created_at', 'timeStamp', 'timestamp', 'date'],
  },
  v3: {
    treatments: ['date', 'created_at', 'mills', 'timestamp'],
    devicestatus: ['date', 'created_at', 'mills'],
    profile: ['date', 'startDate', 'created_at'],
    food: ['date', 'created_at'],
    settings: ['date', 'created_at'],
    activity: ['date', 'created_at', 'timeStamp'],
  },
};

export type DocumentTime = { ok: true; ms: number; field: string | null } | { ok: false; field: string; reason: string };

/**
 * The document's time: the first of its collection's time fields present. A field present but not a
 * time refuses the document (naming it); none present is `now`, as cgm-remote-monitor stamps a
 * document posted without one (Trio's devicestatus has no time of its own).
 */
export function documentTime(collection: Collection, doc: Record<string, unknown>, api: Api, nowMs: number): DocumentTime {
  for (const field of FIELDS[api][collection]) {
    const value = doc[field];
    if (value === undefined || value === null || value === '') continue;
    const ms = parseInstant(value);
    if (ms === null) return { ok: false, field, reason: 'must be an ISO-8601 date-time or epoch milliseconds' };
    return { ok: true, ms, field };
  }
  return { ok: true, ms: nowMs, field: null };
}
