import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS } from '@/lib/format/health';
import { chartScale, dailyChartPoints } from './format';

const row = (day: string, value: number, min: number | null = null, max: number | null = null) => ({ periodStart: `${day}T00:00:00`, value, min, max });

describe('dailyChartPoints', () => {
  it('labels the patient’s current day as partial and rounds to the type’s precision', () => {
    const steps = dailyChartPoints('STEPS', [row('2026-07-14', 7439.666666666667), row('2026-07-15', 4243.000000000001)], DEFAULT_UNITS, '2026-07-15');
    expect(steps).toEqual([
      { label: '14 Jul', value: 7440, min: null, max: null },
      { label: '15 Jul (so far)', value: 4243, min: null, max: null },
    ]);
    const mmol = dailyChartPoints('BLOOD_GLUCOSE', [row('2026-07-14', 109.89515999999999, 70.2, 180.6)], { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' }, '2026-07-15');
    expect(mmol).toEqual([{ label: '14 Jul', value: 6.1, min: 3.9, max: 10 }]);
    expect(dailyChartPoints('SLEEP_STATE', [row('2026-07-14', 445)], DEFAULT_UNITS, '2026-07-15')[0]!.value).toBe(7.4);
  });

  it('gives each chart its unit and decimals', () => {
    expect(chartScale('SLEEP_STATE', DEFAULT_UNITS)).toEqual({ unit: 'h', decimals: 1 });
    expect(chartScale('WEIGHT', { ...DEFAULT_UNITS, weightUnit: 'LB' })).toEqual({ unit: 'lb', decimals: 1 });
    expect(chartScale('STEPS', DEFAULT_UNITS)).toEqual({ unit: 'steps', decimals: 0 });
  });
});
