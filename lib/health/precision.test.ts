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

  it('rounds exactly as the 12-digit cut does, fast path or not', () => {
    // The rule as it reads, with the string round trip for every value.
    const byTheRule = (value: number, decimals: number) => {
      const f = 10 ** decimals;
      const rounded = (Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(12)))) / f;
      return Object.is(rounded, -0) ? 0 : rounded;
    };
    const values: number[] = [0, -0, 0.5, -0.5, 1.005, 2.675, 1.0049999999, 4.35, 1e11, 123456789012.5, 1e15 + 0.5, 9.995, -1.005, Number.NaN, Infinity];
    let x = 0.123456789;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 9301 + 49297) % 233280; // deterministic spread of magnitudes and fractions
      values.push((x / 233280 - 0.3) * 10 ** ((i % 16) - 5), Math.round(x) / 1000 + 0.0005, Math.round(x) / 100 + 0.005);
    }
    for (const value of values) for (const decimals of [-1, 0, 1, 2, 3]) expect(Object.is(roundTo(value, decimals), byTheRule(value, decimals))).toBe(true);
  });

  it('strips float noise from stored values without changing them', () => {
    expect(withoutFloatNoise(129.71520000000001)).toBe(129.7152);
    expect(withoutFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(withoutFloatNoise(8046.72)).toBe(8046.72);
    expect([withoutFloatNoise(72), withoutFloatNoise(-0), withoutFloatNoise(1234567890123456)]).toEqual([72, 0, 1234567890120000]);
  });
});
