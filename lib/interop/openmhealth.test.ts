import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOmh, parseOmhDataPoint } from './openmhealth';

const ROOT = path.join(import.meta.dirname, 'fixtures/openmhealth');
const NOW = Date.UTC(2026, 0, 1);

// Every fixture document under <schema>/<version>/<shouldPass|shouldFail>/, found by walking the folders.
function fixtures(kind: 'shouldPass' | 'shouldFail') {
  return readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json') && file.split(path.sep).includes(kind))
    .map((file) => ({ file, document: JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as unknown }));
}

describe('Open mHealth fixtures', () => {
  it('finds both kinds of fixture', () => {
    expect(fixtures('shouldPass').length).toBeGreaterThan(30);
    expect(fixtures('shouldFail').length).toBeGreaterThan(30);
  });

  it.each(fixtures('shouldPass'))('accepts $file', ({ document }) => {
    const result = parseOmhDataPoint(document, NOW);
    expect(result.status, JSON.stringify(result)).not.toBe('rejected');
    const hasStatistic = (document as { descriptive_statistic?: string }).descriptive_statistic !== undefined;
    if (hasStatistic) expect(result).toEqual({ status: 'skipped', reason: expect.stringContaining('statistics are not samples') });
    else expect(result.status === 'accepted' && result.samples.length).toBeGreaterThan(0);
  });

  it.each(fixtures('shouldFail'))('rejects $file with a reason', ({ document }) => {
    const result = parseOmhDataPoint(document, NOW);
    expect(result.status).toBe('rejected');
    expect(result.status === 'rejected' && result.reason.length).toBeGreaterThan(10);
  });
});

describe('parseOmhDataPoint', () => {
  it('converts units and keeps the time frame', () => {
    const result = parseOmhDataPoint({ body_temperature: { value: 98.6, unit: 'F' }, effective_time_frame: { date_time: '2023-02-05T07:25:00+01:00' } }, NOW);
    expect(result.status).toBe('accepted');
    if (result.status !== 'accepted') return;
    expect(result.samples).toHaveLength(1);
    expect(result.samples[0]).toMatchObject({ type: 'BODY_TEMPERATURE', startMs: Date.UTC(2023, 1, 5, 6, 25), endMs: Date.UTC(2023, 1, 5, 6, 25) });
    expect(result.samples[0]?.value).toBeCloseTo(37, 6);
  });

  it('splits blood pressure into systolic and diastolic with record ids from the header', () => {
    const result = parseOmhDataPoint({
      header: { id: 'abc', schema_id: { namespace: 'omh', name: 'blood-pressure', version: '4.0' } },
      body: { systolic_blood_pressure: { value: 120, unit: 'mmHg' }, diastolic_blood_pressure: { value: 80, unit: 'mmHg' }, effective_time_frame: { date_time: '2020-02-05T07:25:00Z' } },
    }, NOW);
    expect(result.status === 'accepted' && result.samples.map((s) => [s.type, s.value, s.clientRecordId])).toEqual([
      ['BLOOD_PRESSURE_SYSTOLIC', 120, 'omh:abc:systolic'],
      ['BLOOD_PRESSURE_DIASTOLIC', 80, 'omh:abc:diastolic'],
    ]);
  });

  it('keeps a blood glucose reading’s specimen, so a CGM reading never cancels a fingerstick', () => {
    const glucose = (specimen: string) => parseOmhDataPoint({
      blood_glucose: { value: 104, unit: 'mg/dL' }, specimen_source: specimen, effective_time_frame: { date_time: '2020-02-05T07:25:00Z' },
    }, NOW);
    const cgm = glucose('interstitial fluid');
    const meter = glucose('capillary blood');
    expect(cgm.status === 'accepted' && cgm.samples.map((s) => [s.type, s.category])).toEqual([['BLOOD_GLUCOSE', 'interstitial']]);
    expect(meter.status === 'accepted' && meter.samples.map((s) => [s.type, s.category])).toEqual([['BLOOD_GLUCOSE', 'blood']]);
  });

  it('maps sleep duration to total sleep minutes and physical activity to a workout', () => {
    const sleep = parseOmhDataPoint({ sleep_duration: { value: 7.5, unit: 'h' }, effective_time_frame: { time_interval: { start_date_time: '2016-02-05T20:35:00Z', end_date_time: '2016-02-06T06:35:00Z' } } }, NOW);
    expect(sleep.status === 'accepted' && sleep.samples[0]).toMatchObject({ type: 'SLEEP_ANALYSIS', value: 450 });
    const walk = parseOmhDataPoint({ activity_name: 'Walking', effective_time_frame: { time_interval: { start_date_time: '2015-02-06T06:25:00Z', duration: { value: 1, unit: 'h' } } } }, NOW);
    expect(walk.status === 'accepted' && walk.samples[0]).toMatchObject({ type: 'WORKOUT', category: 'walking', value: 60 });
  });

  it('rejects what the sync validation rejects (implausible values, end before start)', () => {
    const hr = parseOmhDataPoint({ heart_rate: { value: 900, unit: 'beats/min' }, effective_time_frame: { date_time: '2020-02-05T07:25:00Z' } }, NOW);
    expect(hr).toEqual({ status: 'rejected', reason: expect.stringContaining('HEART_RATE: value must be between 20 and 300') });
    const steps = parseOmhDataPoint({ step_count: { value: 10, unit: 'steps' }, effective_time_frame: { time_interval: { start_date_time: '2016-02-05T07:25:00Z', end_date_time: '2016-02-05T06:25:00Z' } } }, NOW);
    expect(steps).toEqual({ status: 'rejected', reason: expect.stringContaining('endDate must not be before startDate') });
  });

  it('rejects a duration that puts the interval past any date, item by item instead of failing the import', () => {
    const frame = (interval: Record<string, unknown>) => ({ step_count: { value: 10, unit: 'steps' }, effective_time_frame: { time_interval: interval } });
    const report = parseOmh([
      frame({ start_date_time: '2016-02-05T07:25:00Z', duration: { value: 1e300, unit: 'd' } }),
      frame({ end_date_time: '2016-02-05T07:25:00Z', duration: { value: 1e10, unit: 'd' } }),
      frame({ start_date_time: '2016-02-05T07:25:00Z', duration: { value: 10, unit: 'min' } }),
    ], NOW);
    expect(report.rejected).toEqual([
      { index: 0, reason: expect.stringContaining('outside any plausible date') },
      { index: 1, reason: expect.stringContaining('outside any plausible date') },
    ]);
    expect(report.samples).toHaveLength(1);
  });

  it('reports an array item by item', () => {
    const report = parseOmh([{ heart_rate: { value: 60, unit: 'beats/min' }, effective_time_frame: { date_time: '2020-02-05T07:25:00Z' } }, {}, 'x'], NOW);
    expect(report.samples).toHaveLength(1);
    expect(report.rejected.map((r) => r.index)).toEqual([1, 2]);
  });
});
