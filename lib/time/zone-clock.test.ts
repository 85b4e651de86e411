import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf } from './buckets';
import { isValidTimeZone } from './wall-clock';
import { zoneClock } from './zone-clock';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Eucla', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Apia'];
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });

// Reference: the wall clock Intl prints, parsed naively (slow, one Intl call per instant).
const reference = new Map<string, Intl.DateTimeFormat>();
function intlWallClock(ms: number, timeZone: string): number {
  let format = reference.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    reference.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

describe('zone clock', () => {
  it('cached offsets match Intl for any instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, ms) => {
        const second = Math.floor(ms / 1000) * 1000;
        expect(second + zoneClock(zone).offsetAt(second)).toBe(intlWallClock(second, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches Intl every 20 minutes through 2024, and to the second at each transition', () => {
    const mismatches: string[] = [];
    for (const zone of ZONES) {
      const clock = zoneClock(zone);
      let previous = clock.offsetAt(Date.UTC(2024, 0, 1));
      for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 20 * 60_000) {
        const offset = clock.offsetAt(ms);
        if (ms + offset !== intlWallClock(ms, zone)) mismatches.push(`${zone} ${ms}`);
        if (offset !== previous) {
          let t = ms - 20 * 60_000; // locate the change by the second and check both sides
          while (intlWallClock(t + 1000, zone) - (t + 1000) === previous) t += 1000;
          expect(clock.offsetAt(t)).toBe(previous);
          expect(clock.offsetAt(t + 1000)).toBe(offset);
          previous = offset;
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('offsets are exact on both sides of a transition', () => {
    const clock = zoneClock('Europe/Berlin');
    const switchAt = Date.UTC(2024, 2, 31, 1);
    expect(clock.offsetAt(switchAt - 1)).toBe(3_600_000);
    expect(clock.offsetAt(switchAt)).toBe(7_200_000);
  });

  it('buckets contain their instant and tile the timeline', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.constantFrom('HOUR', 'DAY', 'WEEK', 'MONTH' as const), (zone, ms, unit) => {
        const b = bucketOf(ms, zone, unit);
        expect(b.startMs).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(b.endMs);
        expect(bucketOf(b.endMs, zone, unit).startMs).toBe(b.endMs);
        expect(bucketOf(b.startMs - 1, zone, unit).endMs).toBe(b.startMs);
      }),
      { numRuns: 2000 },
    );
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('+05:30')).toBe(false);
  });

  it('shares one clock between spellings of a zone', () => {
    expect(zoneClock('europe/berlin')).toBe(zoneClock('Europe/Berlin'));
    expect(() => zoneClock('Mars/Olympus')).toThrow(RangeError);
  });
});
