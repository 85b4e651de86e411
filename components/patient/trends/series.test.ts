import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS } from '@/lib/format/health';
import { trendSeries, windowStats, type AggregateRow } from './series';

const row = (periodStart: string, value: number, extra: Partial<AggregateRow> = {}): AggregateRow => ({
  periodStart, value, min: value, max: value, count: 1, sources: {}, ...extra,
});

describe('trendSeries', () => {
  it('draws summed types without a band', () => {
    const s = trendSeries('STEPS', [row('2026-07-15T09:00:00', 1200)], 'hour');
    expect(s).toEqual({ points: [{ label: '09:00', value: 1200, min: null, max: null }], unitLabel: 'steps', decimals: 0, band: false, target: undefined });
  });

  it('labels the bucket still running, and rounds points to the type’s precision', () => {
    const rows = [row('2026-07-06T00:00:00', 52077.66666666667), row('2026-07-13T00:00:00', 20000.4)];
    const s = trendSeries('STEPS', rows, 'week', DEFAULT_UNITS, '2026-07-13T00:00:00');
    expect(s.points).toEqual([
      { label: 'wk of 6 Jul', value: 52078, min: null, max: null },
      { label: 'wk of 13 Jul (so far)', value: 20000, min: null, max: null },
    ]);
    expect(s.decimals).toBe(0);
  });

  it('draws the min–max band of averaged types', () => {
    const s = trendSeries('HEART_RATE', [row('2026-07-15T00:00:00', 72.456, { min: 55, max: 141, count: 300 })], 'day');
    expect(s.band).toBe(true);
    expect(s.points).toEqual([{ label: 'Wed 15 Jul', value: 72, min: 55, max: 141 }]);
  });

  it('shows glucose and its 70–180 mg/dL target in the patient unit', () => {
    const mgdl = trendSeries('BLOOD_GLUCOSE', [row('2026-07-15T00:00:00', 108)], 'day');
    expect(mgdl.target).toEqual({ low: 70, high: 180 });
    const mmol = trendSeries('BLOOD_GLUCOSE', [row('2026-07-15T00:00:00', 108)], 'day', { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' });
    expect(mmol.unitLabel).toBe('mmol/L');
    expect(mmol.target?.low).toBeCloseTo(3.89, 1);
    expect(mmol.target?.high).toBeCloseTo(9.99, 1);
    expect(mmol.points[0]!.value).toBe(6);
  });

  it('shows sleep in hours and weight in the preferred unit', () => {
    expect(trendSeries('SLEEP_STATE', [row('2026-07-15T00:00:00', 450)], 'day')).toMatchObject({ unitLabel: 'h', points: [{ value: 7.5 }] });
    const lb = trendSeries('WEIGHT', [row('2026-07-15T00:00:00', 70)], 'day', { ...DEFAULT_UNITS, weightUnit: 'LB' });
    expect(lb.unitLabel).toBe('lb');
    expect(lb.points[0]!.value).toBe(154.3);
  });
});

describe('windowStats', () => {
  it('totals summed types, with the average per day with data', () => {
    expect(windowStats('STEPS', [row('2026-07-14T00:00:00', 8000), row('2026-07-15T00:00:00', 4000)], 'day')).toEqual({ kind: 'SUM', total: 12000, days: 2, perDay: 6000, partial: false });
    expect(windowStats('STEPS', [row('2026-07-15T09:00:00', 800), row('2026-07-15T10:00:00', 200)], 'hour')).toEqual({ kind: 'SUM', total: 1000, days: 0, perDay: null, partial: false });
  });

  it('never averages a day still running with whole days, and says the total is so far', () => {
    const rows = [row('2026-07-13T00:00:00', 9000), row('2026-07-14T00:00:00', 7000), row('2026-07-15T00:00:00', 12)];
    expect(windowStats('STEPS', rows, 'day', '2026-07-15T00:00:00')).toEqual({ kind: 'SUM', total: 16012, days: 2, perDay: 8000, partial: true });
    expect(windowStats('STEPS', [rows[2]!], 'day', '2026-07-15T00:00:00')).toMatchObject({ perDay: null, partial: true });
  });

  it('averages the readings themselves, not the periods', () => {
    const rows = [row('2026-07-14T00:00:00', 60, { min: 50, max: 90, count: 1 }), row('2026-07-15T00:00:00', 80, { min: 70, max: 130, count: 3 })];
    expect(windowStats('HEART_RATE', rows, 'day')).toEqual({ kind: 'AVERAGE', average: 75, min: 50, max: 130, readings: 4 });
  });

  it('answers the latest reading of latest-value types, and nothing for no rows', () => {
    const rows = [row('2026-07-10T00:00:00', 71.2), row('2026-07-14T00:00:00', 70.8)];
    expect(windowStats('WEIGHT', rows, 'day')).toEqual({ kind: 'LATEST', latest: 70.8, latestAt: '2026-07-14T00:00:00', min: 70.8, max: 71.2, readings: 2 });
    expect(windowStats('WEIGHT', [], 'day')).toBeNull();
  });
});
