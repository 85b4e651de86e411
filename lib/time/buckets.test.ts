import { describe, expect, it } from 'vitest';
import { bucketOf, localDate, localDateTime, zonedDayRangeUtc } from './buckets';

const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000', '');
const hours = (ms: number): number => ms / 3_600_000;

function bucket(at: string, timeZone: string, unit: 'HOUR' | 'DAY' | 'WEEK' | 'MONTH') {
  const b = bucketOf(utc(at), timeZone, unit);
  return { local: b.localStart, start: iso(b.startMs), end: iso(b.endMs) };
}

describe('Europe/Berlin', () => {
  it('spring forward: the day has 23 hours and 02:00 does not exist', () => {
    const day = zonedDayRangeUtc('2024-03-31', 'Europe/Berlin');
    expect([iso(day.startMs), iso(day.endMs)]).toEqual(['2024-03-30T23:00:00Z', '2024-03-31T22:00:00Z']);
    expect(hours(day.endMs - day.startMs)).toBe(23);
    expect(bucket('2024-03-31T00:59:59Z', 'Europe/Berlin', 'HOUR')).toEqual({
      local: '2024-03-31T01:00:00', start: '2024-03-31T00:00:00Z', end: '2024-03-31T01:00:00Z',
    });
    expect(bucket('2024-03-31T01:00:00Z', 'Europe/Berlin', 'HOUR')).toEqual({
      local: '2024-03-31T03:00:00', start: '2024-03-31T01:00:00Z', end: '2024-03-31T02:00:00Z',
    });
  });

  it('fall back: the repeated 02:00 hour is one bucket of two real hours', () => {
    const first = bucket('2024-10-27T00:15:00Z', 'Europe/Berlin', 'HOUR');
    const second = bucket('2024-10-27T01:45:00Z', 'Europe/Berlin', 'HOUR');
    expect(first).toEqual({ local: '2024-10-27T02:00:00', start: '2024-10-27T00:00:00Z', end: '2024-10-27T02:00:00Z' });
    expect(second).toEqual(first);
    expect(localDateTime(utc('2024-10-27T00:15:00Z'), 'Europe/Berlin')).toBe('2024-10-27T02:15:00');
    expect(localDateTime(utc('2024-10-27T01:15:00Z'), 'Europe/Berlin')).toBe('2024-10-27T02:15:00');
    const day = zonedDayRangeUtc('2024-10-27', 'Europe/Berlin');
    expect(hours(day.endMs - day.startMs)).toBe(25);
  });

  it('weeks start on Monday and include DST changes', () => {
    expect(bucket('2024-03-31T12:00:00Z', 'Europe/Berlin', 'WEEK')).toEqual({
      local: '2024-03-25T00:00:00', start: '2024-03-24T23:00:00Z', end: '2024-03-31T22:00:00Z',
    });
    expect(bucket('2024-03-31T22:00:00Z', 'Europe/Berlin', 'WEEK').local).toBe('2024-04-01T00:00:00');
    // ISO week 1 of 2025 starts on Monday 2024-12-30
    expect(bucket('2025-01-01T12:00:00Z', 'Europe/Berlin', 'WEEK').local).toBe('2024-12-30T00:00:00');
  });

  it('months follow the local calendar', () => {
    const march = bucket('2024-03-15T12:00:00Z', 'Europe/Berlin', 'MONTH');
    expect(march).toEqual({ local: '2024-03-01T00:00:00', start: '2024-02-29T23:00:00Z', end: '2024-03-31T22:00:00Z' });
    expect(bucket('2024-02-29T23:30:00Z', 'Europe/Berlin', 'MONTH').local).toBe('2024-03-01T00:00:00');
    expect(bucket('2024-12-31T23:30:00Z', 'Europe/Berlin', 'MONTH').local).toBe('2025-01-01T00:00:00');
  });
});

describe('America/New_York', () => {
  it('spring forward on 2024-03-10 skips 02:00', () => {
    expect(hours(span(zonedDayRangeUtc('2024-03-10', 'America/New_York')))).toBe(23);
    expect(bucket('2024-03-10T06:59:00Z', 'America/New_York', 'HOUR').local).toBe('2024-03-10T01:00:00');
    expect(bucket('2024-03-10T07:00:00Z', 'America/New_York', 'HOUR').local).toBe('2024-03-10T03:00:00');
  });

  it('fall back on 2024-11-03 repeats 01:00', () => {
    expect(hours(span(zonedDayRangeUtc('2024-11-03', 'America/New_York')))).toBe(25);
    expect(bucket('2024-11-03T06:30:00Z', 'America/New_York', 'HOUR')).toEqual({
      local: '2024-11-03T01:00:00', start: '2024-11-03T05:00:00Z', end: '2024-11-03T07:00:00Z',
    });
  });

  it('local date differs from the UTC date in the evening', () => {
    expect(localDate(utc('2024-07-02T03:00:00Z'), 'America/New_York')).toBe('2024-07-01');
  });
});

describe('half- and quarter-hour offsets', () => {
  it('Asia/Kolkata (+05:30) hours start at :30 UTC', () => {
    expect(bucket('2024-04-06T14:45:00Z', 'Asia/Kolkata', 'HOUR')).toEqual({
      local: '2024-04-06T20:00:00', start: '2024-04-06T14:30:00Z', end: '2024-04-06T15:30:00Z',
    });
    expect(localDate(utc('2024-04-06T18:29:59Z'), 'Asia/Kolkata')).toBe('2024-04-06');
    expect(localDate(utc('2024-04-06T18:30:00Z'), 'Asia/Kolkata')).toBe('2024-04-07');
  });

  it('Australia/Eucla (+08:45) days start at 15:15 UTC', () => {
    const day = zonedDayRangeUtc('2024-04-06', 'Australia/Eucla');
    expect([iso(day.startMs), iso(day.endMs)]).toEqual(['2024-04-05T15:15:00Z', '2024-04-06T15:15:00Z']);
  });

  it('Australia/Lord_Howe falls back by 30 minutes: the 01:00 hour lasts 90 minutes', () => {
    const b = bucketOf(utc('2024-04-06T15:15:00Z'), 'Australia/Lord_Howe', 'HOUR');
    expect(b.localStart).toBe('2024-04-07T01:00:00');
    expect(b.endMs - b.startMs).toBe(90 * 60_000);
  });
});

describe('UTC and odd zones', () => {
  it('UTC buckets are plain', () => {
    expect(bucket('2024-02-29T13:14:15Z', 'UTC', 'HOUR').local).toBe('2024-02-29T13:00:00');
    expect(localDate(utc('2024-02-29T23:59:59.999Z'), 'UTC')).toBe('2024-02-29');
    expect(hours(span(zonedDayRangeUtc('2024-03-31', 'UTC')))).toBe(24);
  });

  it('Pacific/Apia skipped 2011-12-30 entirely: an empty day', () => {
    const day = zonedDayRangeUtc('2011-12-30', 'Pacific/Apia');
    expect(day.endMs).toBe(day.startMs);
    expect(localDate(utc('2011-12-30T10:00:00Z'), 'Pacific/Apia')).toBe('2011-12-31');
  });

  it('rejects malformed days and unknown zones', () => {
    expect(() => zonedDayRangeUtc('2024-02-30', 'UTC')).toThrow(RangeError);
    expect(() => zonedDayRangeUtc('2024-2-3', 'UTC')).toThrow(RangeError);
    expect(() => localDate(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

function span(range: { startMs: number; endMs: number }): number {
  return range.endMs - range.startMs;
}
