// Strict ISO-8601 date-times with an explicit offset. JavaScript's Date.parse accepts impossible dates
// (2026-02-30 becomes March 2nd) and offset-less local times, so both are checked here. The grammar is
//   YYYY-MM-DDThh:mm[:ss[.f{1,9}]](Z | ±hh[:]mm)
// read character by character and the instant computed by arithmetic: a sync parses two of these per
// sample, and a regular expression's match array, Number() of each group and Date.parse cost more than
// the rest of the sample's validation (the sync profile, bench/results/profile.md).

import { daysFromCivil } from '../time/calendar-keys';

export type ParsedInstant = { ok: true; ms: number } | { ok: false; reason: string };
type Failure = { ok: false; reason: string };

const DAY_MS = 86_400_000;
const FORMAT = { ok: false, reason: 'must be ISO-8601 with a time zone offset, e.g. 2026-11-21T08:30:00Z' } as const;
const NOT_A_STRING = { ok: false, reason: 'must be an ISO-8601 date-time string' } as const;
const IMPOSSIBLE_TIME = { ok: false, reason: 'has an impossible time or offset' } as const;

// Value of the `count` decimal digits at `at`, or -1 if one of them is not a digit.
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1; // NaN past the end of the string fails too
    n = n * 10 + d;
  }
  return n;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseIsoInstant(value: unknown): ParsedInstant {
  const parsed = parseIsoMs(value);
  return typeof parsed === 'number' ? { ok: true, ms: parsed } : parsed;
}

/** The same, answering the instant as a bare number (no object per value on the sync path). */
export function parseIsoMs(value: unknown): number | Failure {
  if (typeof value !== 'string') return NOT_A_STRING;
  const s = value;
  const n = s.length;
  if (n < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return FORMAT;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return FORMAT;

  let at = 16;
  let second = 0;
  let fractionMs = 0;
  if (s.charCodeAt(at) === 58) {
    // :ss, then an optional fraction of 1 to 9 digits (milliseconds kept, the rest cut off as Date.parse does)
    if (at + 3 > n || (second = digits(s, at + 1, 2)) < 0) return FORMAT;
    at += 3;
    if (s.charCodeAt(at) === 46) {
      let count = 0;
      at += 1;
      while (at < n) {
        const d = s.charCodeAt(at) - 48;
        if (d < 0 || d > 9) break;
        if (count < 3) fractionMs = fractionMs * 10 + d;
        count += 1;
        at += 1;
      }
      if (count === 0 || count > 9) return FORMAT;
      for (let c = count; c < 3; c++) fractionMs *= 10;
    }
  }

  let offsetMinutesTotal = 0;
  let offsetHours = 0;
  let offsetMinutes = 0;
  const designator = s.charCodeAt(at);
  if (designator === 90) {
    if (at + 1 !== n) return FORMAT;
  } else if (designator === 43 || designator === 45) {
    // ±hh:mm or ±hhmm
    const rest = n - at - 1;
    if (rest === 5 && s.charCodeAt(at + 3) === 58) offsetMinutes = digits(s, at + 4, 2);
    else if (rest === 4) offsetMinutes = digits(s, at + 3, 2);
    else return FORMAT;
    offsetHours = digits(s, at + 1, 2);
    if (offsetHours < 0 || offsetMinutes < 0) return FORMAT;
    offsetMinutesTotal = (designator === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  } else {
    return FORMAT;
  }

  const monthDays = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
  if (month < 1 || month > 12 || day < 1 || day > monthDays!) {
    return { ok: false, reason: `is not a real calendar date (${s.slice(0, 10)})` };
  }
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return IMPOSSIBLE_TIME;
  return (
    daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + fractionMs - offsetMinutesTotal * 60_000
  );
}
