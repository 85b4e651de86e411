// The one reader of dates from outside: strict formats and one sane range, 1900-01-01 to two days after
// now (a fixed "now" here, so the result never depends on the day the test runs).
import { describe, expect, it } from 'vitest';
import { checkInstant, day, instant, readDay, readInstant } from './dates';

const NOW = Date.parse('2026-11-20T23:30:00Z');
const RANGE = 'must be between 1900-01-01 and 2026-11-22';

describe('readDay', () => {
  it.each(['1900-01-01', '1970-01-01', '2026-02-28', '2026-11-20', '2026-11-22'])('accepts %s', (value) => {
    expect(readDay(value, NOW)).toEqual({ ok: true, value });
  });

  it.each([
    ['0000-01-01', RANGE],
    ['1899-12-31', RANGE],
    ['2026-11-23', RANGE],
    ['9999-12-31', RANGE],
    ['2026-02-30', 'is not a real date'],
    ['2026-13-01', 'is not a real date'],
    ['2026-1-01', 'must be a date YYYY-MM-DD'],
    ['+02026-01-01', 'must be a date YYYY-MM-DD'],
    ['2026-11-20T00:00:00Z', 'must be a date YYYY-MM-DD'],
  ])('refuses %s: %s', (value, reason) => {
    expect(readDay(value, NOW)).toEqual({ ok: false, reason });
  });
});

describe('readInstant and checkInstant', () => {
  it('accepts instants in the range with any offset', () => {
    expect(readInstant('1900-01-01T00:00:00Z', NOW)).toEqual({ ok: true, value: Date.UTC(1900, 0, 1) });
    expect(readInstant('2026-11-22T23:30:00Z', NOW)).toEqual({ ok: true, value: NOW + 2 * 86_400_000 });
    expect(readInstant('2026-11-21T08:00:00+09:00', NOW)).toEqual({ ok: true, value: Date.parse('2026-11-20T23:00:00Z') });
  });

  it.each(['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2026-11-22T23:30:01Z', '9999-12-31T00:00:00Z'])('refuses %s as out of range', (value) => {
    expect(readInstant(value, NOW)).toEqual({ ok: false, reason: RANGE });
  });

  it('refuses what is not a strict ISO-8601 instant with an offset', () => {
    expect(readInstant('2026-11-20T08:00:00', NOW).ok).toBe(false);
    expect(readInstant('2026-02-30T08:00:00Z', NOW).ok).toBe(false);
  });

  it.each([-8.64e15, 8.64e15, Number.NaN, Infinity])('refuses %s ms (a cursor can carry any number)', (ms) => {
    expect(checkInstant(ms, NOW).ok).toBe(false);
  });
});

describe('the zod parameters', () => {
  it('answer one issue naming the reason', () => {
    expect(day.safeParse('yesterday').error?.issues.map((i) => i.message)).toEqual(['must be a date YYYY-MM-DD']);
    expect(day.safeParse('0000-01-01').error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^must be between 1900-01-01 and /)]);
    expect(instant.safeParse('0000-01-01T00:00:00Z').error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^must be between 1900-01-01 and /)]);
    expect(instant.parse('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
  });
});
