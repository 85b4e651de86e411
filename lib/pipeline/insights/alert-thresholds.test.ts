import { describe, expect, it } from 'vitest';
import { type AlertThresholds, DEFAULT_ALERT_THRESHOLDS, validateThresholds } from './alert-thresholds';

const fields = (t: Partial<AlertThresholds>) => validateThresholds({ ...DEFAULT_ALERT_THRESHOLDS, ...t }).map((p) => p.field);

describe('validateThresholds', () => {
  it('the defaults are valid', () => {
    expect(validateThresholds(DEFAULT_ALERT_THRESHOLDS)).toEqual([]);
  });

  it.each([
    ['glucoseLowMgDl', 40, 100],
    ['glucoseHighMgDl', 200, 600],
    ['systolicHigh', 140, 250],
    ['diastolicHigh', 90, 150],
  ] as const)('%s: %s and %s are allowed, just outside is not', (field, min, max) => {
    expect(fields({ [field]: min })).toEqual([]);
    expect(fields({ [field]: max })).toEqual([]);
    expect(fields({ [field]: min - 0.1 })).toEqual([field]);
    expect(fields({ [field]: max + 0.1 })).toEqual([field]);
  });

  it('explains the bound in the message', () => {
    expect(validateThresholds({ ...DEFAULT_ALERT_THRESHOLDS, systolicHigh: 260 })).toEqual([
      { field: 'systolicHigh', message: 'Systolic threshold must be between 140 and 250 mmHg.' },
    ]);
  });

  it('not a number', () => {
    expect(fields({ glucoseHighMgDl: Number.NaN })).toEqual(['glucoseHighMgDl']);
  });

  it('low glucose must be below high glucose', () => {
    expect(validateThresholds({ ...DEFAULT_ALERT_THRESHOLDS, glucoseLowMgDl: 250, glucoseHighMgDl: 250 })).toContainEqual({
      field: 'glucoseLowMgDl',
      message: 'Low glucose threshold must be below the high glucose threshold.',
    });
  });

  it('diastolic must be below systolic (145/145 is inside both bounds)', () => {
    expect(fields({ systolicHigh: 145, diastolicHigh: 145 })).toEqual(['diastolicHigh']);
    expect(fields({ systolicHigh: 145, diastolicHigh: 144 })).toEqual([]);
  });
});
