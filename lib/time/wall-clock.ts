// Reads an instant's wall clock in an IANA zone through Intl — the only place that calls Intl.
// Formatters are cached per zone because constructing one costs far more than using it.

const formatters = new Map<string, Intl.DateTimeFormat>();
const validity = new Map<string, boolean>();

// Keyed by canonical zone names only (see zoneClock), so the cache stays as small as the zone list.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone name (IANA ids and their aliases, any letter case). */
export function isValidTimeZone(timeZone: string): boolean {
  const known = validity.get(timeZone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    canonicalTimeZone(timeZone);
    valid = true;
  } catch {
    valid = false;
  }
  if (validity.size > 10_000) validity.clear(); // untrusted names must not grow memory without bound
  validity.set(timeZone, valid);
  return valid;
}

/** Intl's own spelling of a zone ('europe/berlin' → 'Europe/Berlin'); RangeError when unknown. */
export function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

/** UTC offset (local − UTC, ms) in force at an instant, read from Intl at one-second precision. */
export function readOffset(instantMs: number, timeZone: string): number {
  const second = Math.floor(instantMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  for (const part of formatterFor(timeZone).formatToParts(second)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value) % 24; break; // some ICU builds print midnight as 24
      case 'minute': minute = Number(part.value); break;
      case 'second': sec = Number(part.value); break;
      default: break;
    }
  }
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, sec));
  wall.setUTCFullYear(year); // Date.UTC would read years 0–99 as 1900–1999
  return wall.getTime() - second;
}
