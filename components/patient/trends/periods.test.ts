import { describe, expect, it } from 'vitest';
import { formatDay, pointLabel, runningPeriodStart, trendWindow, windowLabel } from './periods';

const TODAY = '2026-07-15'; // a Wednesday

describe('trendWindow', () => {
  it('shows hours of one day, the days of the last 7 or 30, and 52 weeks for a year', () => {
    expect(trendWindow('day', TODAY)).toEqual({ period: 'day', aggregate: 'hour', fromDay: TODAY, toDay: TODAY });
    expect(trendWindow('week', TODAY)).toEqual({ period: 'week', aggregate: 'day', fromDay: '2026-07-09', toDay: TODAY });
    expect(trendWindow('month', TODAY)).toEqual({ period: 'month', aggregate: 'day', fromDay: '2026-06-16', toDay: TODAY });
    // The week of July 13th (a Monday) and the 51 before it.
    expect(trendWindow('year', TODAY)).toEqual({ period: 'year', aggregate: 'week', fromDay: '2025-07-21', toDay: TODAY });
  });

  it('steps back by whole windows, across month and year ends', () => {
    expect(trendWindow('day', '2026-03-01', -1)).toMatchObject({ fromDay: '2026-02-28', toDay: '2026-02-28' });
    expect(trendWindow('week', TODAY, -1)).toMatchObject({ fromDay: '2026-07-02', toDay: '2026-07-08' });
    expect(trendWindow('month', TODAY, -1)).toMatchObject({ fromDay: '2026-05-17', toDay: '2026-06-15' });
    expect(trendWindow('year', TODAY, -1).toDay).toBe('2025-07-16');
  });
});

describe('labels', () => {
  it('labels points by hour, day or week', () => {
    expect(pointLabel('2026-07-15T09:00:00', 'hour')).toBe('09:00');
    expect(pointLabel('2026-07-15T00:00:00', 'day')).toBe('Wed 15 Jul');
    expect(pointLabel('2026-07-13T00:00:00', 'week')).toBe('wk of 13 Jul');
    expect(formatDay('2026-02-28', 'long')).toBe('Saturday 28 February 2026');
    expect(formatDay('2026-12-31', 'year')).toBe('31 Dec 2026');
  });

  it('names the window plainly', () => {
    expect(windowLabel(trendWindow('day', TODAY), TODAY)).toBe('Today');
    expect(windowLabel(trendWindow('day', TODAY, -1), TODAY)).toBe('Yesterday');
    expect(windowLabel(trendWindow('day', TODAY, -2), TODAY)).toBe('Monday 13 July 2026');
    expect(windowLabel(trendWindow('week', TODAY), TODAY)).toBe('9 Jul 2026 – 15 Jul 2026');
  });
});

describe('runningPeriodStart', () => {
  it('names the hour, day or week that is not over yet', () => {
    const now = `${TODAY}T02:02:41`;
    expect(runningPeriodStart('hour', now)).toBe(`${TODAY}T02:00:00`);
    expect(runningPeriodStart('day', now)).toBe(`${TODAY}T00:00:00`);
    expect(runningPeriodStart('week', now)).toBe('2026-07-13T00:00:00');
  });
});

describe('in the reader’s language', () => {
  it('formats days with Intl in the Indian languages (native digits in Bengali and Marathi), by hand in English', () => {
    expect(formatDay('2026-07-14', 'weekday', 'en')).toBe('Tue 14 Jul');
    expect(formatDay('2026-07-14', 'year', 'hi')).toBe(new Intl.DateTimeFormat('hi-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 6, 14)));
    expect(formatDay('2026-07-14', 'short', 'bn')).toMatch(/^১৪ /);
    expect(formatDay('2026-07-14', 'long', 'mr')).toContain('२०२६');
    expect(pointLabel('2026-07-14T07:00:00', 'hour', 'mr')).toBe('०७:००');
    expect(windowLabel({ period: 'day', aggregate: 'hour', fromDay: '2026-07-14', toDay: '2026-07-14' }, '2026-07-14', 'ta')).toBe('இன்று');
  });
});
