// Fast instant ↔ wall-clock conversion for one zone. Offsets are read from Intl once per UTC hour
// boundary and cached, so converting millions of samples costs a few map lookups each, not an Intl
// call each. Assumes at most one offset change per UTC hour, which holds for every tzdb zone.

import { canonicalTimeZone, readOffset } from './wall-clock';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const CACHE_LIMIT = 500_000; // entries per map; years of hourly data, then start over

export class ZoneClock {
  readonly timeZone: string;
  private readonly boundaryOffsets = new Map<number, number>(); // UTC hour index → offset at its start
  private readonly switches = new Map<number, number>(); // UTC hour index → first instant of new offset
  private readonly hourStarts = new Map<number, number>(); // local hour index → UTC start of its bucket
  private lastHour = Number.NaN;
  private lastBefore = 0;
  private lastAfter = 0;
  private lastSwitch = Infinity;

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /** Offset (local − UTC, ms) in force at an instant. */
  offsetAt(instantMs: number): number {
    const hour = Math.floor(instantMs / HOUR_MS);
    if (hour !== this.lastHour) {
      this.lastHour = hour;
      this.lastBefore = this.boundaryOffset(hour);
      this.lastAfter = this.boundaryOffset(hour + 1);
      this.lastSwitch = this.lastBefore === this.lastAfter ? Infinity : this.switchIn(hour);
    }
    return instantMs < this.lastSwitch ? this.lastBefore : this.lastAfter;
  }

  /**
   * Earliest instant whose wall clock reads `localMs` or later. In a spring-forward gap that is the
   * transition itself; in an autumn overlap it is the first pass. Bucket boundaries use this, so
   * buckets always tile the timeline and a repeated hour falls into one bucket.
   */
  firstReach(localMs: number): number {
    const before = this.offsetAt(localMs - DAY_MS);
    const after = this.offsetAt(localMs + DAY_MS);
    const early = localMs - before;
    if (this.offsetAt(early) === before) return early;
    const late = localMs - after;
    if (this.offsetAt(late) === after) return late;
    return this.transitionBetween(late, early); // the wall clock skips localMs
  }

  /** UTC start of the local hour bucket with this index (hours since 1970-01-01T00:00 local). */
  hourStart(localHour: number): number {
    let start = this.hourStarts.get(localHour);
    if (start === undefined) {
      if (this.hourStarts.size > CACHE_LIMIT) this.hourStarts.clear();
      start = this.firstReach(localHour * HOUR_MS);
      this.hourStarts.set(localHour, start);
    }
    return start;
  }

  /** Local hour bucket holding an instant; both passes of a repeated hour share one bucket. */
  hourIndexAt(instantMs: number): number {
    let hour = Math.floor((instantMs + this.offsetAt(instantMs)) / HOUR_MS);
    // Only differs when a clock fell back across a bucket start after reaching it (or skipped hours).
    while (this.hourStart(hour + 1) <= instantMs) hour += 1;
    return hour;
  }

  private boundaryOffset(utcHour: number): number {
    let offset = this.boundaryOffsets.get(utcHour);
    if (offset === undefined) {
      if (this.boundaryOffsets.size > CACHE_LIMIT) this.boundaryOffsets.clear();
      offset = readOffset(utcHour * HOUR_MS, this.timeZone);
      this.boundaryOffsets.set(utcHour, offset);
    }
    return offset;
  }

  // First whole second inside (hour start, next hour start] that carries the next offset.
  private switchIn(utcHour: number): number {
    const cached = this.switches.get(utcHour);
    if (cached !== undefined) return cached;
    const before = this.boundaryOffset(utcHour);
    let low = utcHour * HOUR_MS;
    let high = low + HOUR_MS;
    if (readOffset(high - 1000, this.timeZone) === before) {
      low = high - 1000; // most transitions fall on the hour: skip the search
    }
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (readOffset(mid, this.timeZone) === before) low = mid;
      else high = mid;
    }
    if (this.switches.size > CACHE_LIMIT) this.switches.clear();
    this.switches.set(utcHour, high);
    return high;
  }

  private transitionBetween(fromMs: number, toMs: number): number {
    for (let hour = Math.floor(fromMs / HOUR_MS); hour <= Math.floor(toMs / HOUR_MS); hour += 1) {
      if (this.boundaryOffset(hour) !== this.boundaryOffset(hour + 1)) return this.switchIn(hour);
    }
    return toMs; // unreachable with a single transition in range; keeps the function total
  }
}

const clocks = new Map<string, ZoneClock>(); // by canonical name
const byName = new Map<string, ZoneClock>(); // by the name callers used

/** Shared, cached clock for a zone; throws RangeError for an unknown zone. */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = byName.get(timeZone);
  if (!clock) {
    const canonical = canonicalTimeZone(timeZone);
    clock = clocks.get(canonical) ?? new ZoneClock(canonical);
    clocks.set(canonical, clock);
    if (byName.size > 10_000) byName.clear(); // odd spellings of names must not grow memory forever
    byName.set(timeZone, clock);
  }
  return clock;
}
