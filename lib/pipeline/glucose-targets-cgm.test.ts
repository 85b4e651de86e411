// The TIDE flags for CGM wearers (assessCgm) on generated 5-minute traces with known answers: each flag on
// both sides of its bound, the preset changing the targets, CV and wear, and the order of urgency. Traces of
// 4,000 readings make 1 % exactly 40 readings (every reading stands for its 5 minutes).
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS } from '@/lib/format/health';
import { renderInsightText } from '@/lib/format/insight-text';
import { assessCgm } from './glucose-targets';
import type { GlucosePoint, TargetPreset } from './glucose-metrics';
import { glucoseTimeInRange } from './insights/glucose-time-in-range';

const MIN_MS = 60_000;
const STEP = 5 * MIN_MS;
const N = 4000;
const TO_MS = Date.parse('2025-06-15T12:00:00Z');
const FROM_MS = TO_MS - N * STEP;

/** N readings every 5 minutes over [FROM, TO): the listed values first, the rest `rest` mg/dL. */
function trace(parts: [value: number, count: number][], rest = 120): GlucosePoint[] {
  const values = parts.flatMap(([value, count]) => Array<number>(count).fill(value));
  return Array.from({ length: N }, (_, i) => ({ atMs: FROM_MS + i * STEP, mgdl: values[i] ?? rest }));
}
const flags = (points: GlucosePoint[], preset: TargetPreset = 'STANDARD') =>
  assessCgm({ points, fromMs: FROM_MS, toMs: TO_MS, preset, timeZone: 'UTC' })?.flags.map((f) => f.flag);

describe('assessCgm: each range target on both sides of its bound (standard preset)', () => {
  it.each([
    ['below 54: exactly 1 % of the time is flagged ("< 1 %")', trace([[50, 40]]), ['veryLow']],
    ['below 54: 0.975 % is not', trace([[50, 39]]), []],
    ['below 70: exactly 4 % is flagged', trace([[65, 160]]), ['below']],
    ['below 70: 3.975 % is not', trace([[65, 159]]), []],
    ['below 70 includes below 54 (0.5 % + 3.5 %)', trace([[50, 20], [65, 140]]), ['below']],
    ['above 250: exactly 5 % is flagged', trace([[260, 200]]), ['veryHigh']],
    ['above 250: 4.975 % is not', trace([[260, 199]]), []],
    ['above 180: exactly 25 % is flagged', trace([[200, 1000]]), ['above']],
    ['above 180: 24.975 % is not', trace([[200, 999]]), []],
    ['above 180 includes above 250 (4 % + 21 %)', trace([[260, 160], [200, 840]]), ['above']],
    ['time in range exactly 70 % is flagged with its cause', trace([[200, 1080], [65, 120]]), ['above', 'target']],
    ['70 and 180 are in range (half and half: only the CV of 44 % is flagged)', trace([[70, 2000], [180, 2000]]), ['cv']],
  ])('%s', (_, points, expected) => {
    expect(flags(points)).toEqual(expected);
  });
});

describe('assessCgm: CV and wear', () => {
  const alternating = (a: number, b: number) => trace([]).map((p, i) => ({ ...p, mgdl: i % 2 === 0 ? a : b }));
  it('CV exactly 36 % is not flagged (target ≤ 36 %); 36.1 % is', () => {
    expect(assessCgm({ points: alternating(64, 136), fromMs: FROM_MS, toMs: TO_MS, preset: 'STANDARD', timeZone: 'UTC' })?.metrics.cv).toBe(36);
    expect(flags(alternating(64, 136))).not.toContain('cv');
    expect(flags(alternating(100 - 36.1, 100 + 36.1))).toContain('cv');
    expect(flags(alternating(100 - 35.9, 100 + 35.9))).not.toContain('cv');
  });

  it('wear exactly 70 % is not flagged; 69.975 % is (a gap counts as no time)', () => {
    const worn = (n: number) => trace([]).slice(0, n);
    expect(flags(worn(2800))).toEqual([]);
    expect(flags(worn(2799))).toEqual(['wear']);
    const a = assessCgm({ points: worn(2799), fromMs: FROM_MS, toMs: TO_MS, preset: 'STANDARD', timeZone: 'UTC' });
    expect(a?.metrics.activePercent).toBeCloseTo(69.975, 6);
  });

  it('a gap in the middle lowers wear but not time in range', () => {
    const gapped = trace([]).filter((_, i) => i < 1000 || i >= 2500);
    const a = assessCgm({ points: gapped, fromMs: FROM_MS, toMs: TO_MS, preset: 'STANDARD', timeZone: 'UTC' });
    expect(a?.metrics.ranges.target).toBe(100);
    expect(a?.flags.map((f) => f.flag)).toEqual(['wear']);
  });

  it('no reading in the period: no assessment', () => {
    expect(assessCgm({ points: [{ atMs: FROM_MS - 1, mgdl: 40 }], fromMs: FROM_MS, toMs: TO_MS, preset: 'STANDARD', timeZone: 'UTC' })).toBeNull();
  });
});

describe('assessCgm: the preset changes the targets', () => {
  it('older / high-risk: below 70 must stay under 1 %, above 180 under 50 %', () => {
    const points = trace([[65, 80], [200, 1200]]); // 2 % below 70, 30 % above 180, 68 % in range
    expect(flags(points, 'STANDARD')).toEqual(['above', 'target']);
    expect(flags(points, 'OLDER_HIGH_RISK')).toEqual(['below']);
  });

  it('pregnancy with type 1: in range is 63–140, so 150 mg/dL is above range', () => {
    const points = trace([[150, 1000]]); // 25 % at 150
    expect(flags(points, 'STANDARD')).toEqual([]);
    expect(flags(points, 'PREGNANCY_TYPE_1')).toEqual(['above']);
    expect(flags(trace([[65, 200]]), 'PREGNANCY_TYPE_1')).toEqual([]); // 65 is in range 63–140
    expect(flags(trace([[65, 200]]), 'STANDARD')).toEqual(['below']);
  });
});

describe('assessCgm: order of urgency', () => {
  it('very low, low, very high, high, time in range, CV, wear', () => {
    const points = trace([[45, 120], [62, 120], [300, 800], [220, 900]]).slice(0, 2700);
    expect(flags(points)).toEqual(['veryLow', 'below', 'veryHigh', 'above', 'target', 'cv', 'wear']);
  });
});

describe('the glucose insight for a CGM wearer uses the same assessment', () => {
  const insight = (points: GlucosePoint[], preset: TargetPreset = 'STANDARD') =>
    glucoseTimeInRange({ readings: [], nowMs: TO_MS, cgm: { points, fromMs: FROM_MS, preset } });

  it('shares of time, severity by the most urgent flag', () => {
    expect(insight(trace([[50, 40]]))).toMatchObject({ severity: 'HIGH', data: { source: 'cgm', below54: 1, below70: 1, flags: 'veryLow' } });
    expect(insight(trace([[200, 1000]]))).toMatchObject({ severity: 'MEDIUM', data: { above180: 25, flags: 'above' } });
    expect(insight(trace([]).map((p, i) => ({ ...p, mgdl: i % 2 === 0 ? 70 : 180 })))).toMatchObject({ severity: 'MEDIUM', data: { inRange: 100, cv: 44, flags: 'cv' } });
    expect(insight(trace([]).slice(0, 2000))).toMatchObject({ severity: 'LOW', data: { activePercent: 50, flags: 'wear' } });
    expect(insight(trace([]))).toMatchObject({ severity: 'INFO', data: { inRange: 100, flags: '' } });
  });

  it('the preset is the patient’s', () => {
    expect(insight(trace([[150, 1200]]), 'PREGNANCY_TYPE_1')).toMatchObject({ severity: 'MEDIUM', data: { low: 63, high: 140, above180: 30 } });
  });

  it('without CGM readings in the period, the readings decide as before (meter-only patients unchanged)', () => {
    const meter = Array.from({ length: 10 }, (_, i) => ({ atMs: TO_MS - i * 3_600_000, mgdl: i === 0 ? 50 : 120 }));
    const before = glucoseTimeInRange({ readings: meter, nowMs: TO_MS });
    expect(glucoseTimeInRange({ readings: meter, nowMs: TO_MS, cgm: { points: [], fromMs: FROM_MS, preset: 'STANDARD' } })).toEqual(before);
    expect(before).toMatchObject({ severity: 'HIGH', data: { readings: 10, below54: 10 } });
    expect(before?.data).not.toHaveProperty('source');
  });
});

describe('the CGM insight in words: shares of the time, never of readings', () => {
  const text = (points: GlucosePoint[], preset: TargetPreset = 'STANDARD') => {
    const result = glucoseTimeInRange({ readings: [], nowMs: TO_MS, cgm: { points, fromMs: FROM_MS, preset } });
    if (!result) throw new Error('expected an insight');
    return renderInsightText(result, { audience: 'patient', units: DEFAULT_UNITS });
  };

  it('lows first, with the preset’s targets', () => {
    const t = text(trace([[50, 40]]));
    expect(t.title).toBe('Low glucose needs attention');
    expect(t.body).toContain('1 % below 54 mg/dL (target: under 1 %)');
    expect(t.body).toContain('of the time');
    expect(t.body).not.toContain('readings');
    expect(text(trace([[150, 1000]]), 'PREGNANCY_TYPE_1').body).toContain('25 % above 140 mg/dL (target: under 25 %)');
  });

  it('meeting the targets, variability and wear', () => {
    expect(text(trace([]))).toMatchObject({ title: 'Time in range: 100 %' });
    expect(text(trace([]).map((p, i) => ({ ...p, mgdl: i % 2 === 0 ? 70 : 180 }))).title).toBe('Glucose varies a lot');
    expect(text(trace([]).slice(0, 2000)).title).toBe('CGM worn less than 70 % of the time');
  });
});

describe('a CGM wearer’s fingersticks: judged as a meter-only patient’s readings, never hidden by the sensor', () => {
  // The sensor worn half the time, in range; 12 fingersticks, 2 of them below 54.
  const worn = trace([]).slice(N / 2);
  const sticks = Array.from({ length: 12 }, (_, i) => ({ atMs: FROM_MS + (i + 1) * 3_600_000, mgdl: i < 2 ? 50 : 110 }));
  const insight = (meter: typeof sticks) => glucoseTimeInRange({ readings: [], nowMs: TO_MS, cgm: { points: worn, fromMs: FROM_MS, preset: 'STANDARD', meter } });

  it('their lows raise the severity and lead the words', () => {
    const result = insight(sticks);
    expect(result).toMatchObject({ severity: 'HIGH', data: { source: 'cgm', flags: 'wear', meterReadings: 12, meterBelow54: 16.7, meterBelow70: 16.7 } });
    const t = renderInsightText(result!, { audience: 'patient', units: DEFAULT_UNITS });
    expect(t.title).toBe('Low glucose readings need attention');
    expect(t.body).toMatch(/^Of your 12 fingerstick readings in the last 14 days, 16\.7 % were below 70 mg\/dL \(target: under 4 %\) and 16\.7 % below 54 mg\/dL/);
    expect(t.body).toContain('The CGM was active 50 %');
  });

  it('fingersticks that meet the targets, or fewer than 10, change nothing', () => {
    const alone = insight([]);
    expect(alone).toMatchObject({ severity: 'LOW', data: { flags: 'wear' } });
    expect(insight(sticks.map((s) => ({ ...s, mgdl: 110 })))).toEqual(alone);
    expect(insight(sticks.slice(0, 9))).toEqual(alone);
  });
});
