// Dates as API v3 reads them (cgm-remote-monitor lib/api3/shared/dateTools.js and generic/collection.js):
// a time is Unix ms, or Unix seconds (a number too small to be ms after 2000), as a number or a string
// of one, or ISO 8601 with an optional offset (RFC 2822 also parses). A created document's `date` is
// normalised to ms, its `utcOffset` (minutes) taken from the ISO string's offset when the client sent
// none, and `created_at` set to the same instant in UTC, so v1 readers keep working.
export const MIN_TIMESTAMP = 946_684_800_000; // 2000-01-01T00:00:00Z
export const MIN_UTC_OFFSET = -1440;
export const MAX_UTC_OFFSET = 1440;

export type ParsedTime = { ms: number; utcOffset: number };

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const RFC_2822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{2}:\d{2}/;
const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

function fromNumber(value: number): ParsedTime | null {
  if (!Number.isFinite(value)) return null;
  const ms = value < MIN_TIMESTAMP ? value * 1000 : value;
  return ms >= MIN_TIMESTAMP && ms < 8.64e15 ? { ms: Math.floor(ms), utcOffset: 0 } : null;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
}

function fromString(text: string): ParsedTime | null {
  const value = text.trim();
  if (NUMBER.test(value)) return fromNumber(Number(value));
  const iso = ISO.exec(value);
  if (iso) {
    const [, day, time = '00:00', zone] = iso;
    const utcOffset = offsetMinutes(zone);
    // Without an offset the time is read as UTC (moment.parseZone does the same).
    const ms = Date.parse(`${day}T${time}Z`) - utcOffset * 60_000;
    return Number.isFinite(ms) && ms >= MIN_TIMESTAMP ? { ms, utcOffset } : null;
  }
  if (RFC_2822.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) && ms >= MIN_TIMESTAMP ? { ms, utcOffset: 0 } : null;
  }
  return null;
}

/** A time in any of the accepted forms, or null. */
export function parseTime(value: unknown): ParsedTime | null {
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'string') return fromString(value);
  return null;
}

/**
 * The document with `date` in ms (from `date`, else `created_at`), `utcOffset` filled from the date
 * when absent, and `created_at` the same instant in ISO form. A document whose dates do not parse is
 * returned unchanged: validation then names the bad field.
 */
export function normalizeDate<T extends Record<string, unknown>>(doc: T): T {
  const time = parseTime(doc.date) ?? parseTime(doc.created_at);
  if (!time) return doc;
  return { ...doc, date: time.ms, utcOffset: doc.utcOffset === undefined ? time.utcOffset : doc.utcOffset, created_at: new Date(time.ms).toISOString() };
}

/** Whole seconds, as HTTP dates carry them (If-Modified-Since and the like compare at that grain). */
export const floorSeconds = (ms: number) => ms - (((ms % 1000) + 1000) % 1000);

/** An HTTP date header in ms, or null when absent or unreadable. */
export function httpDateMs(header: string | null): number | null {
  if (!header) return null;
  const ms = Date.parse(header);
  return Number.isFinite(ms) ? ms : null;
}
