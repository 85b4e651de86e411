import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { dedupSamples } from './dedup';
import { HEART_RATE, sample, SLEEP, STEPS, WEIGHT } from './test-factories';
import type { AggregateRow, PipelineSample, TypeRules } from './types';

const at = (iso: string): number => Date.parse(iso);
const raw = (deviceId: string, startIso: string, endIso: string, value: number, id = `${deviceId}-${startIso}`): PipelineSample => ({
  id, deviceId, priority: deviceId === 'watch' ? 100 : 80, startMs: at(startIso), endMs: at(endIso), value,
});

function rows(samples: PipelineSample[], rules: TypeRules, timeZone: string): AggregateRow[] {
  return aggregate({ contributions: dedupSamples(samples, rules), rules, timeZone });
}
const table = (rs: AggregateRow[], period: string): [string, number][] =>
  rs.filter((r) => r.period === period).map((r) => [r.periodStart, Math.round(r.value * 1e9) / 1e9]);

describe('splitting intervals across local buckets', () => {
  it('200 steps from 10:50 to 11:10 → 100 in each hour', () => {
    const rs = aggregate({ contributions: dedupSamples([sample('watch', '2024-06-12T10:50', '2024-06-12T11:10', 200)], STEPS), rules: STEPS, timeZone: 'Europe/Berlin' });
    expect(table(rs, 'HOUR')).toEqual([['2024-06-12T10:00:00', 100], ['2024-06-12T11:00:00', 100]]);
    expect(rs.filter((r) => r.period === 'HOUR').map((r) => r.count)).toEqual([1, 0]); // counted where it starts
  });

  it('spring forward (Berlin): a sample across the gap is split by real elapsed time', () => {
    // 01:30 CET → 03:30 CEST is one real hour; the 02:00 hour does not exist.
    const rs = rows([raw('watch', '2024-03-31T00:30:00Z', '2024-03-31T01:30:00Z', 600)], STEPS, 'Europe/Berlin');
    expect(table(rs, 'HOUR')).toEqual([['2024-03-31T01:00:00', 300], ['2024-03-31T03:00:00', 300]]);
    expect(table(rs, 'DAY')).toEqual([['2024-03-31T00:00:00', 600]]);
  });

  it('spring forward (New York): a day-long sample spreads over 23 real hours', () => {
    const rs = rows([raw('phone', '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z', 2300)], STEPS, 'America/New_York');
    const hours = table(rs, 'HOUR');
    expect(hours).toHaveLength(23);
    expect(hours.every(([, v]) => v === 100)).toBe(true);
    expect(table(rs, 'DAY')).toEqual([['2024-03-10T00:00:00', 2300]]);
  });

  it('fall back (Berlin): both real 02:00 hours land in the one 02:00 bucket', () => {
    const rs = rows([raw('watch', '2024-10-26T23:00:00Z', '2024-10-27T03:00:00Z', 400)], STEPS, 'Europe/Berlin');
    expect(table(rs, 'HOUR')).toEqual([['2024-10-27T01:00:00', 100], ['2024-10-27T02:00:00', 200], ['2024-10-27T03:00:00', 100]]);
  });

  it('Asia/Kolkata: hours start at :30 UTC, days at 18:30 UTC', () => {
    const rs = rows([raw('watch', '2024-04-06T18:00:00Z', '2024-04-06T19:00:00Z', 60)], STEPS, 'Asia/Kolkata');
    expect(table(rs, 'HOUR')).toEqual([['2024-04-06T23:00:00', 30], ['2024-04-07T00:00:00', 30]]);
    expect(table(rs, 'DAY')).toEqual([['2024-04-06T00:00:00', 30], ['2024-04-07T00:00:00', 30]]);
  });

  it('weeks start on Monday and months on the 1st, both local', () => {
    const rs = rows([raw('watch', '2024-03-31T21:30:00Z', '2024-03-31T22:30:00Z', 60)], STEPS, 'Europe/Berlin');
    expect(table(rs, 'WEEK')).toEqual([['2024-03-25T00:00:00', 30], ['2024-04-01T00:00:00', 30]]);
    expect(table(rs, 'MONTH')).toEqual([['2024-03-01T00:00:00', 30], ['2024-04-01T00:00:00', 30]]);
  });
});

describe('averages and latest values', () => {
  const hr = [raw('watch', '2024-06-12T08:00:00Z', '2024-06-12T08:00:00Z', 60), raw('watch', '2024-06-12T09:00:00Z', '2024-06-12T09:00:00Z', 70), raw('watch', '2024-06-12T09:30:00Z', '2024-06-12T09:30:00Z', 95)];

  it('roll-ups keep sum and count, so the day average is the average of all readings', () => {
    const rs = rows(hr, HEART_RATE, 'UTC');
    expect(rs.filter((r) => r.period === 'HOUR').map((r) => r.value)).toEqual([60, 82.5]);
    for (const period of ['DAY', 'WEEK', 'MONTH']) {
      expect(rs.find((r) => r.period === period)).toMatchObject({ value: 75, min: 60, max: 95, count: 3, sources: { watch: 3 } });
    }
  });

  it('LATEST is the reading with the latest timestamp, whatever the input order', () => {
    const weights = [raw('phone', '2024-06-12T07:00:00Z', '2024-06-12T07:00:00Z', 80.4), raw('watch', '2024-06-13T07:00:00Z', '2024-06-13T07:00:00Z', 80.1), raw('phone', '2024-06-12T06:00:00Z', '2024-06-12T06:00:00Z', 81)];
    for (const input of [weights, [...weights].reverse()]) {
      const rs = rows(input, WEIGHT, 'UTC');
      expect(table(rs, 'DAY')).toEqual([['2024-06-12T00:00:00', 80.4], ['2024-06-13T00:00:00', 80.1]]);
      expect(rs.find((r) => r.period === 'MONTH')).toMatchObject({ value: 80.1, min: 80.1, max: 81, count: 3 });
    }
  });

  it('LATEST ties at one timestamp go to the better-ranked sample', () => {
    const a = raw('watch', '2024-06-12T07:00:00Z', '2024-06-12T07:00:00Z', 80, 'a');
    const b = raw('watch', '2024-06-12T07:00:00Z', '2024-06-12T07:00:00Z', 90, 'b');
    expect(rows([b, a], WEIGHT, 'UTC')[0].value).toBe(80);
    expect(rows([a, b], WEIGHT, 'UTC')[0].value).toBe(80);
  });
});

describe('sleep sessions', () => {
  it('a session ending exactly at midnight belongs to the day before', () => {
    const rs = rows([raw('watch', '2024-06-12T20:00:00Z', '2024-06-13T00:00:00Z', 0)], SLEEP, 'UTC');
    expect(table(rs, 'DAY')).toEqual([['2024-06-12T00:00:00', 240]]);
  });

  it('a gap of 60 minutes or more starts a new session', () => {
    const rs = rows([raw('watch', '2024-06-12T22:00:00Z', '2024-06-12T23:30:00Z', 0), raw('watch', '2024-06-13T00:30:00Z', '2024-06-13T06:00:00Z', 0)], SLEEP, 'UTC');
    expect(table(rs, 'DAY')).toEqual([['2024-06-12T00:00:00', 90], ['2024-06-13T00:00:00', 330]]);
  });

  it('a night across the autumn change counts its real 9 hours on the day it ends', () => {
    const rs = rows([raw('watch', '2024-10-26T20:00:00Z', '2024-10-27T05:00:00Z', 0)], SLEEP, 'Europe/Berlin');
    expect(table(rs, 'DAY')).toEqual([['2024-10-27T00:00:00', 540]]);
    expect(table(rs, 'HOUR').find(([start]) => start === '2024-10-27T02:00:00')?.[1]).toBe(120);
  });

  it('sources give each device its minutes', () => {
    const rs = rows([raw('phone', '2024-06-12T22:00:00Z', '2024-06-13T06:00:00Z', 0), raw('watch', '2024-06-13T00:00:00Z', '2024-06-13T02:00:00Z', 0)], SLEEP, 'UTC');
    expect(rs.find((r) => r.period === 'DAY')?.sources).toEqual({ phone: 360, watch: 120 });
  });
});

describe('rows', () => {
  it('returns only the requested periods, and nothing for no contributions', () => {
    const contributions = dedupSamples([raw('watch', '2024-06-12T08:00:00Z', '2024-06-12T08:30:00Z', 10)], STEPS);
    expect(aggregate({ contributions, rules: STEPS, timeZone: 'UTC', periods: ['MONTH'] }).map((r) => r.period)).toEqual(['MONTH']);
    expect(aggregate({ contributions: [], rules: STEPS, timeZone: 'UTC' })).toEqual([]);
  });

  it('a long sample is split without per-minute work', () => {
    const year = raw('phone', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 366 * 24 * 60);
    const rs = rows([year], STEPS, 'UTC');
    expect(rs.filter((r) => r.period === 'HOUR')).toHaveLength(366 * 24);
    expect(rs.find((r) => r.period === 'DAY')?.value).toBeCloseTo(24 * 60, 6);
  });
});
