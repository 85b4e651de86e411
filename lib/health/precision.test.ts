import { describe, expect, it } from 'vitest';
import { HEALTH_TYPES } from './health-types';
import { displayDecimals, PRECISION, roundForAnswer, roundTo, withoutFloatNoise } from './precision';

describe('precision', () => {
  it('has an answer precision for every type, and a display precision for its canonical unit', () => {
    for (const type of HEALTH_TYPES) expect(PRECISION[type].answer).toBeGreaterThanOrEqual(0);
    expect(displayDecimals('BLOOD_GLUCOSE', 'mmol/L')).toBe(1);
    expect(displayDecimals('DISTANCE', 'km')).toBe(2);
  });

  it('rounds what the review found to the type’s precision', () => {
    expect(roundForAnswer('BLOOD_GLUCOSE', 109.89515999999999)).toBe(110);
    expect(roundForAnswer('STEPS', 4243.000000000001)).toBe(4243);
    expect(roundForAnswer('STEPS', 7439.666666666667)).toBe(7440);
    expect(roundForAnswer('WEIGHT', 70.1234)).toBe(70.12);
    expect(roundForAnswer('BODY_TEMPERATURE', 36.98765)).toBe(36.99);
  });

  it('rounds half away from zero as the decimal reads, without binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(-0.04, 1)).toBe(0);
    expect(roundTo(1234, -1)).toBe(1230);
  });

  it('strips float noise from stored values without changing them', () => {
    expect(withoutFloatNoise(129.71520000000001)).toBe(129.7152);
    expect(withoutFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(withoutFloatNoise(8046.72)).toBe(8046.72);
  });
});
