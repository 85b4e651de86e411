import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEALTH_TYPE_DEFINITIONS, HEALTH_TYPES, checkRange, fromCanonical, toCanonical, type HealthType } from './index';

function canonical(type: HealthType, value: number, unit: string): number {
  const result = toCanonical(type, value, unit);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

const unitCases = HEALTH_TYPES.flatMap((type) =>
  HEALTH_TYPE_DEFINITIONS[type].acceptedUnits.map((unit) => ({ type, unit })),
);

describe('round trip', () => {
  it.each(unitCases)('$type in $unit', ({ type, unit }) => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        const back = fromCanonical(type, canonical(type, value, unit), unit);
        // Relative tolerance, floored at 1 so values near zero are not held to an impossible 1e-9 absolute.
        expect(Math.abs(back - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
      }),
    );
  });

  it.each(HEALTH_TYPES)('%s: the canonical unit is the identity', (type) => {
    const { canonicalUnit } = HEALTH_TYPE_DEFINITIONS[type];
    expect(canonical(type, 42.5, canonicalUnit)).toBe(42.5);
    expect(fromCanonical(type, 42.5, canonicalUnit)).toBe(42.5);
  });
});

describe('known conversions', () => {
  it('glucose: 100 mg/dL is about 5.55 mmol/L', () => {
    expect(fromCanonical('BLOOD_GLUCOSE', 100, 'mmol/L')).toBeCloseTo(5.5507, 4);
    expect(canonical('BLOOD_GLUCOSE', 5.55, 'mmol/L')).toBeCloseTo(99.99, 2);
    expect(canonical('BLOOD_GLUCOSE', 1, 'mmol/L')).toBe(18.0156);
  });

  it.each(['degF', '°F', '[degF]'])('temperature: 98.6 %s is 37 °C, 32 is 0', (unit) => {
    expect(canonical('BODY_TEMPERATURE', 98.6, unit)).toBeCloseTo(37, 10);
    expect(canonical('BODY_TEMPERATURE', 32, unit)).toBeCloseTo(0, 10);
    expect(fromCanonical('BODY_TEMPERATURE', 37, unit)).toBeCloseTo(98.6, 10);
  });

  it.each(['Cel', 'degC', '°C'])('temperature: %s is canonical', (unit) => {
    expect(canonical('BODY_TEMPERATURE', 36.6, unit)).toBe(36.6);
  });

  it('length', () => {
    expect(canonical('DISTANCE', 1, 'mi')).toBe(1609.344);
    expect(canonical('DISTANCE', 1, '[mi_i]')).toBe(1609.344);
    expect(canonical('DISTANCE', 1, 'ft')).toBe(0.3048);
    expect(canonical('DISTANCE', 5, 'km')).toBe(5000);
  });

  it('mass', () => {
    expect(canonical('WEIGHT', 154.3, 'lb')).toBeCloseTo(70, 1);
    expect(canonical('WEIGHT', 1, 'lb')).toBe(0.45359237);
    expect(canonical('WEIGHT', 1, '[lb_av]')).toBe(0.45359237);
    expect(canonical('WEIGHT', 1, 'st')).toBeCloseTo(6.35029318, 12);
    expect(canonical('WEIGHT', 1, 'oz')).toBeCloseTo(0.028349523125, 15);
    expect(canonical('WEIGHT', 16, '[oz_av]')).toBeCloseTo(0.45359237, 12);
    expect(canonical('WEIGHT', 2500, 'g')).toBe(2.5);
  });

  it('energy: 1 kcal is 4.184 kJ, a food Calorie is a kcal', () => {
    expect(fromCanonical('ACTIVE_ENERGY', 1, 'kJ')).toBeCloseTo(4.184, 12);
    expect(canonical('ACTIVE_ENERGY', 4.184, 'kJ')).toBeCloseTo(1, 12);
    expect(canonical('ACTIVE_ENERGY', 250, 'Cal')).toBe(250);
  });

  it('duration', () => {
    expect(canonical('SLEEP_ANALYSIS', 1, 'h')).toBe(60);
    expect(canonical('WORKOUT', 90, 's')).toBeCloseTo(1.5, 12);
  });

  it('fraction and percent', () => {
    expect(canonical('OXYGEN_SATURATION', 0.97, 'fraction')).toBeCloseTo(97, 12);
    expect(canonical('BODY_FAT', 21.5, '%')).toBe(21.5);
  });

  it('pressure: 1 kPa is 7.50061683 mmHg', () => {
    expect(canonical('BLOOD_PRESSURE_SYSTOLIC', 1, 'kPa')).toBe(7.50061683);
    expect(canonical('BLOOD_PRESSURE_DIASTOLIC', 80, 'mmHg')).toBe(80);
  });

  it('rates and counts are spelling variants only', () => {
    for (const unit of ['bpm', '/min', 'beats/min', '{beats}/min']) expect(canonical('HEART_RATE', 72, unit)).toBe(72);
    for (const unit of ['/min', 'breaths/min', '{breaths}/min']) expect(canonical('RESPIRATORY_RATE', 14, unit)).toBe(14);
    for (const unit of ['steps', '{steps}']) expect(canonical('STEPS', 1200, unit)).toBe(1200);
  });
});

describe('rejections', () => {
  it('names the unit, the type and the accepted units', () => {
    expect(toCanonical('HEART_RATE', 70, 'lb')).toEqual({
      ok: false,
      reason: "unit 'lb' is not accepted for HEART_RATE (accepted: count/min, bpm, /min, beats/min, {beats}/min)",
    });
  });

  it.each([
    ['BLOOD_GLUCOSE', 'mg/dl'], // UCUM is case-sensitive
    ['HEART_RATE', 'breaths/min'],
    ['RESPIRATORY_RATE', 'bpm'], // ambiguous: beats or breaths
    ['WEIGHT', '%'],
    ['STEPS', ''],
    ['STEPS', 'toString'],
    ['BODY_TEMPERATURE', 'K'],
  ] as const)('%s does not accept %j', (type, unit) => {
    const result = toCanonical(type, 1, unit);
    expect(result.ok).toBe(false);
    expect(() => fromCanonical(type, 1, unit)).toThrow(`unit '${unit}' is not accepted for ${type}`);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects %s', (value) => {
    const result = toCanonical('STEPS', value, 'count');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(`value must be a finite number, got ${value}`);
  });
});

describe('checkRange', () => {
  it.each(HEALTH_TYPES)('%s: bounds are inclusive', (type) => {
    const { min, max } = HEALTH_TYPE_DEFINITIONS[type].range;
    expect(checkRange(type, min)).toBeNull();
    expect(checkRange(type, max)).toBeNull();
    expect(checkRange(type, (min + max) / 2)).toBeNull();
    expect(checkRange(type, min - 1e-6)).toMatch(/^must be between /);
    expect(checkRange(type, max + 1e-6)).toMatch(/^must be between /);
  });

  it('explains in the canonical unit', () => {
    expect(checkRange('STEPS', 100_001)).toBe('must be between 0 and 100000 count');
    expect(checkRange('OXYGEN_SATURATION', 101)).toBe('must be between 50 and 100 %');
    expect(checkRange('STEPS', -1)).toBe('must be between 0 and 100000 count');
  });

  it('rejects non-finite values', () => {
    expect(checkRange('HEART_RATE', Number.NaN)).toBe('must be a finite number, got NaN');
  });

  it('is independent of conversion: an implausible value still converts', () => {
    const result = toCanonical('HEART_RATE', 900, 'bpm');
    expect(result).toEqual({ ok: true, value: 900 });
    expect(checkRange('HEART_RATE', 900)).toBe('must be between 20 and 300 count/min');
  });
});
