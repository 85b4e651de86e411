// Apple Health records of insulin delivery and dietary carbohydrates map to INSULIN (with HealthKit's
// delivery reason as its kind) and CARBOHYDRATES.
import { describe, expect, it } from 'vitest';
import { mapAppleElement, type AppleElement } from './apple-health-records';

const NOW = Date.UTC(2026, 0, 1);
const record = (type: string, unit: string, value: string, metadata: Record<string, string> = {}, end = '2024-01-02 08:00:00 +0100'): AppleElement => ({
  name: 'Record',
  attributes: { type, unit, value, startDate: '2024-01-02 08:00:00 +0100', endDate: end },
  metadata,
  children: [],
});

describe('Apple Health insulin and carbohydrates', () => {
  it.each([
    [{ HKInsulinDeliveryReason: '2' }, 'bolus'],
    [{ HKInsulinDeliveryReason: '1' }, 'basal'],
    [{}, null],
    [{ HKInsulinDeliveryReason: '7' }, null],
  ])('insulin in IU with metadata %o has kind %s', (metadata, kind) => {
    const result = mapAppleElement(record('HKQuantityTypeIdentifierInsulinDelivery', 'IU', '4.5', metadata), NOW);
    expect(result).toMatchObject({ status: 'accepted', samples: [{ type: 'INSULIN', value: 4.5, category: kind }] });
  });

  it('a basal delivery over an interval keeps it; carbs in g are CARBOHYDRATES', () => {
    const basal = mapAppleElement(record('HKQuantityTypeIdentifierInsulinDelivery', 'IU', '0.8', { HKInsulinDeliveryReason: '1' }, '2024-01-02 08:30:00 +0100'), NOW);
    expect(basal).toMatchObject({ status: 'accepted', samples: [{ type: 'INSULIN', category: 'basal', endMs: Date.UTC(2024, 0, 2, 7, 30) }] });
    expect(mapAppleElement(record('HKQuantityTypeIdentifierDietaryCarbohydrates', 'g', '45'), NOW)).toMatchObject({
      status: 'accepted',
      samples: [{ type: 'CARBOHYDRATES', value: 45, category: null }],
    });
  });
});
