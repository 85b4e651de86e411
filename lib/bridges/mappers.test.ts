// The bridges' payload mappers alone (no I/O): the shapes and edge cases of Health Auto Export's
// documented JSON (github.com/Lybron/health-auto-export/wiki/API-Export---JSON-Format) and HC Webhook's
// (docs/webhook.md of github.com/mcnaveen/health-connect-webhook) that the route tests do not cover.
import { describe, expect, it } from 'vitest';
import { mapHealthAutoExport } from './health-auto-export';
import { mapHealthConnectWebhook } from './health-connect-webhook';
import type { BridgeItem } from './items';

const raws = (items: BridgeItem[]) => items.flatMap((item) => ('raws' in item ? item.raws : []));

describe('Health Auto Export mapping', () => {
  it('reads glucose in HealthKit molar units, percents as percents or fractions, and version 1 workouts', () => {
    const payload = mapHealthAutoExport({
      data: {
        metrics: [
          { name: 'blood_glucose', units: 'mmol<180.1558800000541>/L', data: [{ date: '2026-11-20 07:00:00 +0100', qty: 5.4, mealTime: 'After Meal' }] },
          { name: 'blood_oxygen_saturation', units: '%', data: [{ date: '2026-11-20 03:00:00 +0100', qty: 0.96 }, { date: '2026-11-20 03:01:00 +0100', qty: 96 }] },
        ],
        workouts: [{ name: 'Traditional Strength Training', start: '2026-11-20 18:00:00 +0100', end: '2026-11-20 18:45:00 +0100', activeEnergy: { qty: 200, units: 'kcal' } }],
        stateOfMind: [],
      },
    })!;
    expect(raws(payload.items)).toEqual([
      { type: 'BLOOD_GLUCOSE', value: 5.4, unit: 'mmol/L', startDate: '2026-11-20T07:00:00+01:00', endDate: '2026-11-20T07:00:00+01:00', metadata: { mealTime: 'After Meal' } },
      { type: 'OXYGEN_SATURATION', value: 0.96, unit: 'fraction', startDate: '2026-11-20T03:00:00+01:00', endDate: '2026-11-20T03:00:00+01:00' },
      { type: 'OXYGEN_SATURATION', value: 96, unit: '%', startDate: '2026-11-20T03:01:00+01:00', endDate: '2026-11-20T03:01:00+01:00' },
      expect.objectContaining({ type: 'WORKOUT', value: 'strength', metadata: { activityType: 'Traditional Strength Training', totalEnergyBurned: 200, totalEnergyBurnedUnit: 'kcal' } }),
    ]);
    expect(payload.skipped).toEqual([{ field: 'data.stateOfMind', reason: expect.stringContaining('not stored') }]);
  });

  it('refuses an unknown sleep stage and a metric without data, and is null for another shape', () => {
    const payload = mapHealthAutoExport({ data: { metrics: [{ name: 'sleep_analysis', units: 'hr', data: [{ startDate: 'a', endDate: 'b', value: 'Dozing' }] }, { name: 'step_count' }] } })!;
    expect(payload.items).toEqual([
      { path: 'data.metrics[0].data[0]', error: { field: 'value', reason: expect.stringContaining('unknown sleep stage "Dozing"') } },
      { path: 'data.metrics[1]', error: { field: 'name', reason: expect.any(String) } },
    ]);
    expect(mapHealthAutoExport({ samples: [] })).toBeNull();
    expect(mapHealthAutoExport({ data: { metrics: 'x' } })).toBeNull();
  });
});

describe('HC Webhook mapping', () => {
  it('makes a sleep session without stages one unspecified sleep, and a menstruation flow an instant', () => {
    const payload = mapHealthConnectWebhook({
      timestamp: '2026-11-21T08:00:00Z',
      sleep: [{ session_end_time: '2026-11-21T06:00:00Z', duration_seconds: 7200, stages: [] }],
      menstruation_flow: [{ flow: 2, time: '2026-11-20T09:00:00Z' }],
    })!;
    expect(raws(payload.items)).toEqual([
      { type: 'SLEEP_STATE', value: 'asleepUnspecified', startDate: '2026-11-21T04:00:00.000Z', endDate: '2026-11-21T06:00:00.000Z' },
      { type: 'MENSTRUAL_FLOW', value: 'medium', startDate: '2026-11-20T09:00:00Z', endDate: '2026-11-20T09:00:00Z' },
    ]);
  });

  it('uses Health Connect record ids when the app sends its metadata, and is null without the envelope', () => {
    const payload = mapHealthConnectWebhook({ timestamp: '2026-11-21T08:00:00Z', weight: [{ kilograms: 70, time: '2026-11-20T07:00:00Z', metadata: { id: 'abc-123' } }] })!;
    expect(raws(payload.items)[0]).toMatchObject({ clientRecordId: 'hc:abc-123' });
    expect(mapHealthConnectWebhook({ steps: [] })).toBeNull();
  });
});
