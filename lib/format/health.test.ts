import { describe, expect, it } from 'vitest';
import { DEFAULT_UNITS, formatNumber, formatValue, localDigits, numberLocale, toDisplayRounded, typeLabelIn } from './health';

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

describe('in the reader’s language', () => {
  it('groups Indian languages in lakhs, with Bengali and Marathi in their own digits; unit symbols stay', () => {
    expect(formatNumber('STEPS', 123456, DEFAULT_UNITS, 'hi')).toBe('1,23,456');
    expect(formatNumber('STEPS', 123456, DEFAULT_UNITS, 'bn')).toBe('১,২৩,৪৫৬');
    expect(formatNumber('STEPS', 123456, DEFAULT_UNITS, 'mr')).toBe('१,२३,४५६');
    expect(formatValue('BLOOD_GLUCOSE', 129.7, MMOL, 'mr')).toBe('७.२ mmol/L');
    expect(formatValue('WEIGHT', 70.5, DEFAULT_UNITS, 'ta')).toBe('70.5 kg');
  });

  it('names the word units and the types, and writes sleep’s hours in the locale’s digits', () => {
    expect(formatValue('STEPS', 123456, DEFAULT_UNITS, 'hi')).toBe('1,23,456 कदम');
    expect(formatValue('STEPS', 1, DEFAULT_UNITS, 'gu')).toBe('1 પગલું');
    expect(formatValue('STEPS', 2, DEFAULT_UNITS, 'gu')).toBe('2 પગલાં');
    expect(formatValue('SLEEP_STATE', 95, DEFAULT_UNITS, 'bn')).toBe('১ h ৩৫ min');
    expect(typeLabelIn('BLOOD_GLUCOSE', 'hi')).toBe('ब्लड ग्लूकोज़');
    expect(typeLabelIn('BLOOD_GLUCOSE', 'en')).toBe('Blood glucose');
  });

  it('English is what it always was', () => {
    expect(numberLocale('en')).toBe('en-US');
    expect(localDigits('07:10', 'en')).toBe('07:10');
    expect(localDigits('07:10', 'hi')).toBe('07:10');
    expect(localDigits('07:10', 'mr')).toBe('०७:१०');
  });
});
