// Unit: strict ISO-8601 instants with an explicit offset (no I/O).
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from './iso-date';

const ms = (value: string) => {
  const parsed = parseIsoInstant(value);
  if (!parsed.ok) throw new Error(`expected ${value} to parse: ${parsed.reason}`);
  return parsed.ms;
};

describe('parseIsoInstant accepts', () => {
  it.each([
    ['2026-11-20T08:00:00Z', Date.UTC(2026, 10, 20, 8)],
    ['2026-11-20T08:00Z', Date.UTC(2026, 10, 20, 8)],
    ['2026-11-20T08:00:00.5Z', Date.UTC(2026, 10, 20, 8, 0, 0, 500)],
    ['2026-11-20T08:00:00.123Z', Date.UTC(2026, 10, 20, 8, 0, 0, 123)],
    ['2026-11-20T08:00:00.123456789Z', Date.UTC(2026, 10, 20, 8, 0, 0, 123)],
    ['2026-11-20T09:00:00+01:00', Date.UTC(2026, 10, 20, 8)],
    ['2026-11-20T09:00:00+0100', Date.UTC(2026, 10, 20, 8)],
    ['2026-11-20T02:30:00-05:30', Date.UTC(2026, 10, 20, 8)],
    ['2026-11-20T08:00:00-00:00', Date.UTC(2026, 10, 20, 8)],
    ['2026-11-20T22:00:00+14:00', Date.UTC(2026, 10, 20, 8)],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2026-12-31T23:59:59.999Z', Date.UTC(2026, 11, 31, 23, 59, 59, 999)],
    ['1970-01-01T00:00:00Z', 0],
  ])('%s as the right instant', (value, expected) => {
    expect(parseIsoInstant(value)).toEqual({ ok: true, ms: expected });
  });

  it('gives the same instant for one moment written in different offsets', () => {
    expect(ms('2026-03-29T01:30:00Z')).toBe(ms('2026-03-29T03:30:00+02:00'));
    expect(ms('2026-03-29T01:30:00Z')).toBe(ms('2026-03-28T20:30:00-05:00'));
  });
});

describe('parseIsoInstant rejects', () => {
  it.each([
    ['a local time without offset', '2026-11-20T08:00:00'],
    ['a date only', '2026-11-20'],
    ['a space instead of T', '2026-11-20 08:00:00Z'],
    ['lower-case designators', '2026-11-20t08:00:00z'],
    ['an offset without minutes', '2026-11-20T08:00:00+01'],
    ['an expanded year', '+002026-11-20T08:00:00Z'],
    ['more than nine fraction digits', '2026-11-20T08:00:00.1234567891Z'],
    ['an empty string', ''],
    ['trailing text', '2026-11-20T08:00:00Z junk'],
    ['an RFC 2822 date', 'Fri, 20 Nov 2026 08:00:00 GMT'],
  ])('%s', (_name, value) => {
    const parsed = parseIsoInstant(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/ISO-8601/);
  });

  it.each([
    ['February 30th', '2026-02-30T08:00:00Z'],
    ['February 29th outside a leap year', '2026-02-29T08:00:00Z'],
    ['February 29th in 1900 (not a leap year)', '1900-02-29T08:00:00Z'],
    ['April 31st', '2026-04-31T08:00:00Z'],
    ['month 13', '2026-13-01T08:00:00Z'],
    ['month 00', '2026-00-10T08:00:00Z'],
    ['day 00', '2026-11-00T08:00:00Z'],
  ])('an impossible calendar date: %s', (_name, value) => {
    const parsed = parseIsoInstant(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain('real calendar date');
  });

  it.each([
    ['hour 24', '2026-11-20T24:00:00Z'],
    ['minute 60', '2026-11-20T08:60:00Z'],
    ['a leap second', '2026-11-20T08:00:60Z'],
    ['an offset beyond +14:00', '2026-11-20T08:00:00+15:00'],
    ['offset minutes of 60', '2026-11-20T08:00:00+01:60'],
  ])('an impossible time or offset: %s', (_name, value) => {
    const parsed = parseIsoInstant(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/impossible/);
  });

  it.each([[null], [undefined], [1795161600000], [new Date('2026-11-20T08:00:00Z')], [{}]])('a non-string (%s)', (value) => {
    expect(parseIsoInstant(value)).toEqual({ ok: false, reason: 'must be an ISO-8601 date-time string' });
  });
});

// The instant is computed by arithmetic, not by Date.parse: it must agree with Date.parse on every
// accepted form, across centuries, leap days, offsets and fraction lengths.
describe('parseIsoInstant agrees with Date.parse', () => {
  const fractions = ['', '.5', '.12', '.123', '.1234', '.999999999'];
  const offsets = ['Z', '+00:00', '-00:00', '+05:30', '-0930', '+14:00', '-12:00'];
  const days = ['1970-01-01', '1999-12-31', '2000-02-29', '2024-02-29', '2026-03-29', '2026-10-25', '2100-02-28', '2400-02-29'];

  it('for every combination of day, time, fraction and offset', () => {
    const mismatches: string[] = [];
    for (const day of days) {
      for (const time of ['00:00', '23:59', '12:34:56', '00:00:00', '23:59:59']) {
        for (const fraction of time.length === 8 ? fractions : ['']) {
          for (const offset of offsets) {
            const value = `${day}T${time}${fraction}${offset}`;
            const parsed = parseIsoInstant(value);
            if (!parsed.ok || parsed.ms !== Date.parse(value)) mismatches.push(value);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('for a spread of instants written by toISOString', () => {
    const mismatches: string[] = [];
    for (let t = 0; t < 4_102_444_800_000; t += 9_876_543_219) {
      const value = new Date(t).toISOString();
      if (ms(value) !== t) mismatches.push(value);
    }
    expect(mismatches).toEqual([]);
  });
});
