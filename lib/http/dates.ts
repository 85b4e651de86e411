// The one reader of dates that come from outside (query parameters, the instants inside cursors): a day
// YYYY-MM-DD or an ISO-8601 instant with an offset, strictly (no 2026-02-30, no offset-less time), and
// within one sane range, 1900-01-01 to two days after now by the app's clock. Year 0000 or 9999 would
// otherwise reach date arithmetic and PostgreSQL (which has no year 0) and end as a 500, or as an export
// that breaks off after its header. Sample times in bodies have their own narrower rule (1970 to a few
// minutes ahead, lib/ingest/validate-sample.ts), which lies inside this range.
import { z } from 'zod';
import { parseIsoInstant } from '../ingest/iso-date';

const DAY_MS = 86_400_000;
const EARLIEST_MS = Date.UTC(1900, 0, 1);
// Two days: "today" in the zone furthest ahead of UTC (+14:00), and a client clock running a little fast.
const AHEAD_MS = 2 * DAY_MS;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export type ReadDate<T> = { ok: true; value: T } | { ok: false; reason: string };

const label = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const outOfRange = (nowMs: number) => `must be between ${label(EARLIEST_MS)} and ${label(nowMs + AHEAD_MS)}`;

/** An instant (ms since the epoch) inside the sane range, or why not. */
export function checkInstant(ms: number, nowMs = Date.now()): ReadDate<number> {
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= nowMs + AHEAD_MS ? { ok: true, value: ms } : { ok: false, reason: outOfRange(nowMs) };
}

/** A real calendar day YYYY-MM-DD inside the sane range, or why not. */
export function readDay(value: string, nowMs = Date.now()): ReadDate<string> {
  if (!DAY_PATTERN.test(value)) return { ok: false, reason: 'must be a date YYYY-MM-DD' };
  // Date.parse accepts 2026-02-30 (as March 2nd); PostgreSQL does not, so round-trip to catch it here.
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms) || label(ms) !== value) return { ok: false, reason: 'is not a real date' };
  return value >= label(EARLIEST_MS) && value <= label(nowMs + AHEAD_MS) ? { ok: true, value } : { ok: false, reason: outOfRange(nowMs) };
}

/** An ISO-8601 instant with an offset inside the sane range, as ms since the epoch, or why not. */
export function readInstant(value: string, nowMs = Date.now()): ReadDate<number> {
  const parsed = parseIsoInstant(value);
  return parsed.ok ? checkInstant(parsed.ms, nowMs) : parsed;
}

/** A query parameter holding a day; stays the string. */
export const day = z
  .string()
  .regex(DAY_PATTERN, { message: 'must be a date YYYY-MM-DD', abort: true })
  .superRefine((value, ctx) => {
    const read = readDay(value);
    if (!read.ok) ctx.addIssue({ code: 'custom', message: read.reason });
  });

/** A query parameter holding an instant; becomes ms since the epoch. */
export const instant = z.string().transform((value, ctx) => {
  const read = readInstant(value);
  if (read.ok) return read.value;
  ctx.addIssue({ code: 'custom', message: read.reason });
  return z.NEVER;
});
