// The catalogue's dedup rules as the aggregation applies them (issue 13, finding 1): a glucose recheck
// minutes after a first reading is a second reading, not a duplicate.
import { describe, expect, it } from 'vitest';
import { HEALTH_TYPES, getHealthType, toCanonical } from '../../health';
import { aggregate, dedupSamples, type PipelineSample } from '../../pipeline';
import { rulesFor } from './type-rules';

const at = (iso: string) => Date.parse(iso);
const glucose = (id: string, deviceId: string, priority: number, iso: string, mgdl: number, stream?: string): PipelineSample => ({
  id, deviceId, priority, startMs: at(iso), endMs: at(iso), value: mgdl, ...(stream ? { stream } : {}),
});
const mgdl = (mmoll: number): number => {
  const converted = toCanonical('BLOOD_GLUCOSE', mmoll, 'mmol/L');
  if (!converted.ok) throw new Error(converted.reason);
  return converted.value;
};

describe('rulesFor: glucose spot checks', () => {
  it('meter 32 mg/dL at 01:02:34 and manual 7.2 mmol/L at 01:05:12: both count, the hour shows 2 readings', () => {
    const rules = rulesFor('BLOOD_GLUCOSE');
    const samples = [
      glucose('m', 'meter', 40, '2026-12-05T01:02:34Z', 32),
      glucose('x', 'manual', 10, '2026-12-05T01:05:12Z', mgdl(7.2)),
    ];
    const kept = dedupSamples(samples, rules);
    expect(kept.map((c) => c.sample.id)).toEqual(['m', 'x']);
    const [hour] = aggregate({ contributions: kept, rules, timeZone: 'UTC', periods: ['HOUR'] });
    expect(hour).toMatchObject({ periodStart: '2026-12-05T01:00:00', count: 2, min: 32 });
    expect(hour.max).toBeCloseTo(129.7, 1);
  });

  it('the same reading relayed by a lower-ranked source within tolerance is dropped', () => {
    const rules = rulesFor('BLOOD_GLUCOSE');
    const kept = dedupSamples([glucose('m', 'meter', 40, '2026-12-05T10:00:00Z', 130), glucose('e', 'export', 30, '2026-12-05T10:03:00Z', 131)], rules);
    expect(kept.map((c) => c.sample.id)).toEqual(['m']);
  });

  it('CGM and meter readings never cancel each other; two uploaders of one CGM within 60 s and 2 mg/dL are one', () => {
    const rules = rulesFor('BLOOD_GLUCOSE');
    const kept = dedupSamples([
      glucose('c1', 'cgm-app', 60, '2026-12-05T10:00:00Z', 120, 'cgm'),
      glucose('c2', 'cgm-bridge', 50, '2026-12-05T10:00:40Z', 121, 'cgm'), // the same sensor reading, relayed
      glucose('c3', 'cgm-bridge', 50, '2026-12-05T10:05:00Z', 118, 'cgm'), // the next one: kept
      glucose('m', 'meter', 40, '2026-12-05T10:00:20Z', 120), // a fingerstick: another measurement
    ], rules);
    expect(kept.map((c) => c.sample.id)).toEqual(['c1', 'm', 'c3']);
  });

  it('continuous sensors keep the time-window rule whatever the values', () => {
    const rules = rulesFor('HEART_RATE');
    const kept = dedupSamples([
      { id: 'w', deviceId: 'watch', priority: 100, startMs: at('2026-12-05T10:00:00Z'), endMs: at('2026-12-05T10:00:00Z'), value: 70 },
      { id: 'p', deviceId: 'phone', priority: 80, startMs: at('2026-12-05T10:00:30Z'), endMs: at('2026-12-05T10:00:30Z'), value: 95 },
    ], rules);
    expect(kept.map((c) => c.sample.id)).toEqual(['w']);
  });

  it('mirrors the catalogue: spot checks carry their tolerance, continuous sensors and intervals none', () => {
    for (const type of HEALTH_TYPES) {
      const def = getHealthType(type);
      expect(rulesFor(type).tolerance, type).toEqual(def.instantKind === 'SPOT_CHECK' ? def.tolerance : undefined);
    }
    expect(rulesFor('BODY_TEMPERATURE')).toMatchObject({ matchWindowMs: 300_000, tolerance: { absolute: 0.1, relative: 0 } });
    expect(rulesFor('WEIGHT').streams).toBeUndefined();
    expect(rulesFor('BLOOD_GLUCOSE').streams).toEqual({ cgm: { matchWindowMs: 60_000, tolerance: { absolute: 2, relative: 0 } } });
    // Insulin: basal deliveries are a stream of their own, by the type's own rule; carbs have none.
    expect(rulesFor('INSULIN')).toMatchObject({ aggregation: 'SUM', matchWindowMs: 60_000, tolerance: { absolute: 0.05, relative: 0 } });
    expect(rulesFor('INSULIN').streams).toEqual({ basal: { matchWindowMs: 60_000, tolerance: { absolute: 0.05, relative: 0 } } });
    expect(rulesFor('CARBOHYDRATES').streams).toBeUndefined();
  });

  it('weight: a weigh-in within 0.2 kg of a better source’s is the same; 0.3 kg off is a second one', () => {
    const weighIn = (id: string, deviceId: string, priority: number, iso: string, kg: number): PipelineSample => ({ id, deviceId, priority, startMs: at(iso), endMs: at(iso), value: kg });
    const kept = dedupSamples([
      weighIn('p', 'phone', 80, '2026-12-05T07:00:00Z', 70.2),
      weighIn('s1', 'scale', 40, '2026-12-05T07:20:00Z', 70.0), // 0.2 kg: the same weigh-in
      weighIn('s2', 'scale', 40, '2026-12-05T07:25:00Z', 69.9), // 0.3 kg: another one
    ], rulesFor('WEIGHT'));
    expect(kept.map((c) => c.sample.id)).toEqual(['p', 's2']);
  });
});
