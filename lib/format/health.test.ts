import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS, formatValue, toDisplayRounded } from './health';

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
