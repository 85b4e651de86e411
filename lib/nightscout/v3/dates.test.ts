// Unit: times as API v3 reads them (ms, seconds, ISO with or without offset, RFC 2822) and a created
// document's date normalisation (date in ms, utcOffset from the ISO offset, created_at in UTC).
import { describe, expect, it } from 'vitest';
import { floorSeconds, normalizeDate, parseTime } from './dates';

const T = Date.UTC(2026, 10, 20, 8, 0, 0);

describe('parseTime', () => {
  it('reads ms, seconds and numeric strings; refuses times before 2000', () => {
    expect(parseTime(T)).toEqual({ ms: T, utcOffset: 0 });
    expect(parseTime(T / 1000)).toEqual({ ms: T, utcOffset: 0 });
    expect(parseTime(String(T))).toEqual({ ms: T, utcOffset: 0 });
    expect(parseTime(0)).toBeNull();
    expect(parseTime(-5)).toBeNull();
    expect(parseTime('1999-12-31T23:59:59Z')).toBeNull();
  });

  it('reads ISO 8601 with its offset (Z, +02:00, +0200, none = UTC) and RFC 2822', () => {
    expect(parseTime('2026-11-20T08:00:00.000Z')).toEqual({ ms: T, utcOffset: 0 });
    expect(parseTime('2026-11-20T10:00:00+02:00')).toEqual({ ms: T, utcOffset: 120 });
    expect(parseTime('2026-11-20T03:30:00-0430')).toEqual({ ms: T, utcOffset: -270 });
    expect(parseTime('2026-11-20T08:00')).toEqual({ ms: T, utcOffset: 0 });
    expect(parseTime('Fri, 20 Nov 2026 08:00:00 GMT')).toEqual({ ms: T, utcOffset: 0 });
    expect(parseTime('yesterday')).toBeNull();
    expect(parseTime(true)).toBeNull();
  });
});

describe('normalizeDate', () => {
  it('sets date in ms, utcOffset from the date when absent, created_at in UTC; from created_at when there is no date', () => {
    expect(normalizeDate({ date: '2026-11-20T10:00:00+02:00' })).toEqual({ date: T, utcOffset: 120, created_at: '2026-11-20T08:00:00.000Z' });
    expect(normalizeDate({ date: T, utcOffset: 60 })).toEqual({ date: T, utcOffset: 60, created_at: '2026-11-20T08:00:00.000Z' });
    expect(normalizeDate({ created_at: '2026-11-20T08:00:00Z', eventType: 'Note' })).toMatchObject({ date: T, utcOffset: 0, eventType: 'Note' });
    expect(normalizeDate({ date: 'garbage' })).toEqual({ date: 'garbage' });
  });

  it('floors to whole seconds', () => {
    expect(floorSeconds(T + 999)).toBe(T);
  });
});
