import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS, formatNumber, formatValue, toDisplayRounded } from './health';

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

describe('formatValue', () => {
  it('shows each type with its own precision', () => {
    expect(formatValue('BLOOD_GLUCOSE', 109.89515999999999)).toBe('110 mg/dL');
    expect(formatValue('BLOOD_GLUCOSE', 109.89515999999999, { ...DEFAULT_UNITS, glucoseUnit: 'MMOL_L' })).toBe('6.1 mmol/L');
    expect(formatValue('STEPS', 4243.000000000001)).toBe('4,243 steps');
    expect(formatValue('BODY_FAT', 23.44)).toBe('23.4 %');
    expect(formatValue('DISTANCE', 4243.000000000001)).toBe('4.24 km');
  });

  it('never shows 60 minutes in an hour of sleep', () => {
    expect(formatValue('SLEEP_STATE', 119.6)).toBe('2 h 0 min');
  });
});

describe('toDisplayRounded', () => {
  it('converts and rounds to the display unit’s precision', () => {
    expect(toDisplayRounded('STEPS', 7439.666666666667)).toBe(7440);
    expect(toDisplayRounded('WEIGHT', 70.123, { ...DEFAULT_UNITS, weightUnit: 'LB' })).toBe(154.6);
  });
});
