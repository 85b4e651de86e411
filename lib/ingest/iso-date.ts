// Strict ISO-8601 date-times with an explicit offset. JavaScript's Date.parse accepts impossible dates
// (2026-02-30 becomes March 2nd) and offset-less local times, so both are checked here.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type ParsedInstant = { ok: true; ms: number } | { ok: false; reason: string };

export function parseIsoInstant(value: unknown): ParsedInstant {
  if (typeof value !== 'string') return { ok: false, reason: 'must be an ISO-8601 date-time string' };
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return { ok: false, reason: 'must be ISO-8601 with a time zone offset, e.g. 2026-11-21T08:30:00Z' };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number, number, number, number, number, number,
  ];
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[10] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `is not a real calendar date (${m[1]}-${m[2]}-${m[3]})` };
  }
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) {
    return { ok: false, reason: 'has an impossible time or offset' };
  }
  return { ok: true, ms: Date.parse(value) };
}
