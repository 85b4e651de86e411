import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS, formatNumber, formatValue } from './health';

const MMOL = { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' as const };

describe('formatNumber', () => {
  it('the consensus glucose thresholds read as their conventional mmol/L values', () => {
    expect([54, 70, 180, 250].map((mgdl) => formatNumber('BLOOD_GLUCOSE', mgdl, MMOL))).toEqual(['3.0', '3.9', '10.0', '13.9']);
    expect([54, 70, 180, 250].map((mgdl) => formatNumber('BLOOD_GLUCOSE', mgdl))).toEqual(['54', '70', '180', '250']);
  });

  it('formatValue is the number and its label', () => {
    expect(formatValue('BLOOD_GLUCOSE', 129.7, MMOL)).toBe('7.2 mmol/L');
    expect(formatValue('BLOOD_GLUCOSE', 109.89515999999999)).toBe('110 mg/dL');
    expect(formatValue('SLEEP_STATE', 95)).toBe('1 h 35 min');
  });
});
