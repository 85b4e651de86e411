import { describe, expect, it } from 'vitest';
import { chartScale, dailyChartPoints } from './chart';
import { DEFAULT_UNITS } from './health';

const row = (day: string, value: number, min: number | null = null, max: number | null = null) => ({ periodStart: `${day}T00:00:00`, value, min, max });
const opts = { units: DEFAULT_UNITS, today: '2026-07-15', dayLabel: (d: string) => d.slice(5) };

describe('dailyChartPoints', () => {
  it('labels the patient’s current day as partial and rounds to the type’s precision', () => {
    expect(dailyChartPoints('STEPS', [row('2026-07-14', 7439.666666666667), row('2026-07-15', 4243.000000000001)], opts)).toEqual([
      { label: '07-14', value: 7440, min: null, max: null },
      { label: '07-15 (so far)', value: 4243, min: null, max: null },
    ]);
    const mmol = dailyChartPoints('BLOOD_GLUCOSE', [row('2026-07-14', 109.89515999999999, 70.2, 180.6)], { ...opts, units: { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' } });
    expect(mmol).toEqual([{ label: '07-14', value: 6.1, min: 3.9, max: 10 }]);
    expect(dailyChartPoints('SLEEP_STATE', [row('2026-07-14', 445)], opts)[0]!.value).toBe(7.4);
  });
});

describe('chartScale', () => {
  it('gives each chart its unit and decimals', () => {
    expect(chartScale('SLEEP_STATE', DEFAULT_UNITS)).toMatchObject({ unit: 'h', decimals: 1 });
    expect(chartScale('WEIGHT', { ...DEFAULT_UNITS, weightUnit: 'LB' })).toMatchObject({ unit: 'lb', decimals: 1 });
    expect(chartScale('STEPS', DEFAULT_UNITS)).toMatchObject({ unit: 'steps', decimals: 0 });
  });
});

describe('dailyChartPoints in the reader’s language', () => {
  it('says “so far” in it', () => {
    expect(dailyChartPoints('STEPS', [row('2026-07-15', 10)], { ...opts, locale: 'hi' })[0]!.label).toBe('07-15 (अब तक)');
    expect(dailyChartPoints('STEPS', [row('2026-07-15', 10)], { ...opts, locale: 'en' })[0]!.label).toBe('07-15 (so far)');
  });
});
