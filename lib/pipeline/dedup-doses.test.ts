// Doses (insulin, carbohydrates): INSTANT spot checks that are summed. Two uploaders relaying the same
// bolus count it once in the totals; two different doses both count; a basal delivery never cancels a
// bolus; a temp basal's units are spread over the hours it ran.
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { dedupSamples } from './dedup';
import { dailyTotalsByGroup } from './dose-days';
import { INSULIN, reading, sample } from './test-factories';
import type { AggregateRow } from './types';

const TZ = 'Europe/Berlin';
const round = (n: number) => Math.round(n * 1000) / 1000;
const rows = (period: string, rs: AggregateRow[]) =>
  rs.filter((r) => r.period === period).map((r) => [r.periodStart, round(r.value), Object.fromEntries(Object.entries(r.sources).map(([d, v]) => [d, round(v)]))]);

describe('insulin doses from two uploaders', () => {
  it('the same 4.5 U bolus relayed by two apps 20 s apart counts once in the daily total, credited to the better-ranked source', () => {
    const kept = dedupSamples([
      reading('xdrip', '2024-06-12T12:00:00', 4.5, { category: 'bolus' }),
      reading('aaps', '2024-06-12T12:00:20', 4.5, { category: 'bolus' }),
      reading('aaps', '2024-06-12T15:00', 0.3, { category: 'smb' }),
    ], INSULIN);
    const rs = aggregate({ contributions: kept, rules: INSULIN, timeZone: TZ });
    expect(rows('DAY', rs)).toEqual([['2024-06-12T00:00:00', 4.8, { aaps: 0.3, xdrip: 4.5 }]]);
    expect(rs.find((r) => r.period === 'DAY')).toMatchObject({ count: 2, min: null, max: null });
  });

  it('two different doses at the same minute both count (values differ beyond 0.05 U); so do one app’s own two doses', () => {
    const kept = dedupSamples([
      reading('xdrip', '2024-06-12T12:00', 4.5),
      reading('aaps', '2024-06-12T12:00:30', 1.0), // a second dose, not a copy
      reading('aaps', '2024-06-12T12:00:40', 1.0), // the same app again: its own doses never cancel
    ], INSULIN);
    expect(kept.map((c) => c.value)).toEqual([4.5, 1, 1]);
  });

  it('a copy within 0.05 U is the same dose (pump rounding); 61 s later it is another dose', () => {
    expect(dedupSamples([reading('xdrip', '2024-06-12T12:00', 2.0), reading('aaps', '2024-06-12T12:00:30', 2.05)], INSULIN)).toHaveLength(1);
    expect(dedupSamples([reading('xdrip', '2024-06-12T12:00', 2.0), reading('aaps', '2024-06-12T12:01:01', 2.0)], INSULIN)).toHaveLength(2);
  });

  it('a temp basal and a bolus of equal units at the same moment are two deliveries; two copies of the temp basal are one', () => {
    const kept = dedupSamples([
      sample('xdrip', '2024-06-12T12:00', '2024-06-12T12:30', 0.5, { category: 'bolus' }),
      sample('aaps', '2024-06-12T12:00', '2024-06-12T12:30', 0.5, { category: 'temp_basal', stream: 'basal' }),
      sample('xdrip', '2024-06-12T12:00:10', '2024-06-12T12:30', 0.5, { category: 'temp_basal', stream: 'basal' }),
    ], INSULIN);
    expect(kept.map((c) => c.sample.category)).toEqual(['bolus', 'temp_basal']);
  });

  it('a temp basal of 0.8 U over 12:45–13:15 gives 0.4 U to each hour, and a zero temp basal counts as a delivery of 0', () => {
    const kept = dedupSamples([
      sample('aaps', '2024-06-12T12:45', '2024-06-12T13:15', 0.8, { category: 'temp_basal', stream: 'basal' }),
      sample('aaps', '2024-06-12T14:00', '2024-06-12T14:30', 0, { category: 'temp_basal', stream: 'basal' }),
    ], INSULIN);
    const rs = aggregate({ contributions: kept, rules: INSULIN, timeZone: TZ });
    expect(rows('HOUR', rs)).toEqual([
      ['2024-06-12T12:00:00', 0.4, { aaps: 0.4 }],
      ['2024-06-12T13:00:00', 0.4, { aaps: 0.4 }],
      ['2024-06-12T14:00:00', 0, { aaps: 0 }],
    ]);
    expect(rows('DAY', rs)).toEqual([['2024-06-12T00:00:00', 0.8, { aaps: 0.8 }]]);
  });

  it('gives the same totals whatever the order the samples arrive in', () => {
    const samples = [
      reading('xdrip', '2024-06-12T08:00', 6, { category: 'bolus' }),
      reading('aaps', '2024-06-12T08:00:30', 6, { category: 'bolus' }),
      sample('aaps', '2024-06-12T09:00', '2024-06-12T10:30', 1.2, { category: 'temp_basal', stream: 'basal' }),
      reading('xdrip', '2024-06-12T09:00:05', 0.2, { category: 'smb' }),
    ];
    const forward = aggregate({ contributions: dedupSamples(samples, INSULIN), rules: INSULIN, timeZone: TZ });
    const backward = aggregate({ contributions: dedupSamples([...samples].reverse(), INSULIN), rules: INSULIN, timeZone: TZ });
    expect(backward).toEqual(forward);
    expect(rows('DAY', forward)).toEqual([['2024-06-12T00:00:00', 7.4, { aaps: 1.2, xdrip: 6.2 }]]);
  });
});

describe('daily insulin split by group', () => {
  it('splits a day into basal and bolus (a temp basal across midnight by its hours) and adds up to the day total', () => {
    const kept = dedupSamples([
      reading('xdrip', '2024-06-12T08:00', 5, { category: 'bolus' }),
      reading('aaps', '2024-06-12T08:00:10', 5, { category: 'bolus' }), // copy
      reading('aaps', '2024-06-12T12:00', 0.4, { category: 'smb' }),
      reading('aaps', '2024-06-12T13:00', 1),
      sample('aaps', '2024-06-12T23:30', '2024-06-13T00:30', 1, { category: 'temp_basal', stream: 'basal' }),
    ], INSULIN);
    const group = (c: { sample: { category?: string | null } }) =>
      c.sample.category === 'temp_basal' || c.sample.category === 'basal' ? 'basal' : c.sample.category ? 'bolus' : 'unspecified';
    const days = dailyTotalsByGroup(kept, INSULIN, TZ, group);
    const rounded = Object.fromEntries([...days].map(([d, t]) => [d, Object.fromEntries(Object.entries(t).map(([g, v]) => [g, round(v)]))]));
    expect(rounded).toEqual({
      '2024-06-12': { basal: 0.5, bolus: 5.4, unspecified: 1 },
      '2024-06-13': { basal: 0.5 },
    });
    const dayTotals = rows('DAY', aggregate({ contributions: kept, rules: INSULIN, timeZone: TZ })).map(([, v]) => v);
    expect(dayTotals).toEqual([6.9, 0.5]);
  });
});
