import { describe, expect, it } from 'vitest';
import { HEALTH_TYPE_DEFINITIONS, HEALTH_TYPES, hasKinds, isCategoryType, type HealthType } from './index';
import { findUnit } from './units';

const definitions = HEALTH_TYPES.map((type) => HEALTH_TYPE_DEFINITIONS[type]);

// LOINC's mod-10 check digit (the Luhn scheme); a typo in a code almost always breaks it.
function hasValidLoincCheckDigit(code: string): boolean {
  const match = /^(\d{1,7})-(\d)$/.exec(code);
  if (match === null) return false;
  const [, body = '', check = ''] = match;
  const sum = [...body].reverse().reduce((total, char, index) => {
    const digit = Number(char) * (index % 2 === 0 ? 2 : 1);
    return total + Math.floor(digit / 10) + (digit % 10);
  }, 0);
  return (10 - (sum % 10)) % 10 === Number(check);
}

// dedup.md's match windows, plus respiratory rate (same cadence as heart rate) and resting HR.
const MATCH_WINDOWS: Partial<Record<HealthType, number>> = {
  HEART_RATE: 60,
  OXYGEN_SATURATION: 60,
  RESPIRATORY_RATE: 60,
  BLOOD_PRESSURE_SYSTOLIC: 300,
  BLOOD_PRESSURE_DIASTOLIC: 300,
  BLOOD_GLUCOSE: 300,
  BODY_TEMPERATURE: 300,
  WEIGHT: 1800,
  BODY_FAT: 1800,
  HEIGHT: 1800,
  BMI: 1800,
  RESTING_HEART_RATE: 3600,
  INSULIN: 60,
  CARBOHYDRATES: 60,
};

// Doses, not readings: summed (total daily insulin, daily carbs) though deduplicated as instants.
const SUMMED_INSTANTS: ReadonlySet<HealthType> = new Set(['INSULIN', 'CARBOHYDRATES']);

describe('HEALTH_TYPE_DEFINITIONS', () => {
  it('has exactly one definition per type, keyed by its own type', () => {
    expect(Object.keys(HEALTH_TYPE_DEFINITIONS).sort()).toEqual([...HEALTH_TYPES].sort());
    for (const type of HEALTH_TYPES) expect(HEALTH_TYPE_DEFINITIONS[type].type).toBe(type);
  });

  it.each(definitions)('$type: units are known, unique, convertible and include the canonical one', (def) => {
    expect(def.displayName).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
    expect(def.acceptedUnits).toContain(def.canonicalUnit);
    expect(new Set(def.acceptedUnits).size).toBe(def.acceptedUnits.length);
    const canonical = findUnit(def.canonicalUnit);
    for (const unit of def.acceptedUnits) expect(findUnit(unit)?.dimension).toBe(canonical?.dimension);
  });

  it.each(definitions)('$type: kind, aggregation and match window agree', (def) => {
    expect(def.matchWindowSeconds).toBe(MATCH_WINDOWS[def.type] ?? null);
    if (def.dedupKind === 'INSTANT') {
      const latest = ['WEIGHT', 'BODY_FAT', 'HEIGHT', 'BMI'].includes(def.type);
      expect(def.aggregation).toBe(SUMMED_INSTANTS.has(def.type) ? 'SUM' : latest ? 'LATEST' : 'AVERAGE');
    } else {
      expect(def.aggregation).toBe('SUM');
    }
  });

  it.each(definitions)('$type: range and duration are sane', (def) => {
    expect(Number.isFinite(def.range.min) && Number.isFinite(def.range.max)).toBe(true);
    expect(def.range.min).toBeLessThan(def.range.max);
    expect(def.maxDurationSeconds).toBeGreaterThan(0);
    expect(def.maxDurationSeconds).toBeLessThanOrEqual(86_400);
    // Where the value is a duration it cannot exceed the interval it was measured over.
    if (def.canonicalUnit === 'min') expect(def.range.max * 60).toBeLessThanOrEqual(def.maxDurationSeconds);
  });

  it.each(definitions)('$type: category values exist for category types, and as kinds only for insulin', (def) => {
    if (isCategoryType(def.type)) {
      expect(def.canonicalUnit).toBe('min');
      expect(def.categoryValues?.length).toBeGreaterThan(0);
      expect(new Set(def.categoryValues).size).toBe(def.categoryValues?.length);
    } else if (def.type === 'INSULIN') {
      expect(def.categoryValues).toEqual(['bolus', 'correction', 'smb', 'temp_basal', 'basal']);
      expect(hasKinds(def.type)).toBe(true);
    } else {
      expect(def.categoryValues).toBeUndefined();
      expect(hasKinds(def.type)).toBe(false);
    }
    // Dedup streams by kind name the type's own kinds only.
    for (const kind of Object.keys(def.categoryStreams ?? {})) expect(def.categoryValues).toContain(kind);
  });

  it('defines insulin and carbohydrates as the contract says', () => {
    expect(HEALTH_TYPE_DEFINITIONS.INSULIN).toMatchObject({
      canonicalUnit: '[iU]',
      acceptedUnits: ['[iU]', 'U', 'IU'],
      aggregation: 'SUM',
      dedupKind: 'INSTANT',
      instantKind: 'SPOT_CHECK',
      matchWindowSeconds: 60,
      tolerance: { absolute: 0.05, relative: 0 },
      range: { min: 0, max: 100 },
      maxDurationSeconds: 86_400,
      loinc: null,
      healthKit: 'HKQuantityTypeIdentifierInsulinDelivery',
      categoryStreams: { temp_basal: 'basal', basal: 'basal' },
    });
    expect(HEALTH_TYPE_DEFINITIONS.CARBOHYDRATES).toMatchObject({
      canonicalUnit: 'g',
      acceptedUnits: ['g'],
      aggregation: 'SUM',
      dedupKind: 'INSTANT',
      instantKind: 'SPOT_CHECK',
      matchWindowSeconds: 60,
      tolerance: { absolute: 0.5, relative: 0 },
      range: { min: 0, max: 1000 },
      loinc: null,
      healthKit: 'HKQuantityTypeIdentifierDietaryCarbohydrates',
    });
  });

  it('classifies the kinds as dedup.md does', () => {
    const byKind = (kind: string) => definitions.filter((d) => d.dedupKind === kind).map((d) => d.type);
    expect(byKind('CUMULATIVE')).toEqual(['STEPS', 'DISTANCE', 'ACTIVE_ENERGY', 'SLEEP_ANALYSIS']);
    expect(byKind('CATEGORY_INTERVAL')).toEqual(['SLEEP_STATE', 'MENSTRUAL_FLOW']);
    expect(byKind('WORKOUT')).toEqual(['WORKOUT']);
    expect(byKind('INSTANT')).toHaveLength(14);
    expect(HEALTH_TYPES.filter(isCategoryType)).toEqual(['SLEEP_STATE', 'MENSTRUAL_FLOW', 'WORKOUT']);
  });

  it('tells spot checks from continuous sensors, with dedup.md’s tolerances', () => {
    const instants = definitions.filter((d) => d.dedupKind === 'INSTANT');
    const tolerances = Object.fromEntries(instants.filter((d) => d.instantKind === 'SPOT_CHECK').map((d) => [d.type, d.tolerance]));
    expect(tolerances).toEqual({
      BLOOD_PRESSURE_SYSTOLIC: { absolute: 2, relative: 0 },
      BLOOD_PRESSURE_DIASTOLIC: { absolute: 2, relative: 0 },
      BODY_TEMPERATURE: { absolute: 0.1, relative: 0 },
      WEIGHT: { absolute: 0.2, relative: 0 },
      BODY_FAT: { absolute: 0.5, relative: 0 },
      BLOOD_GLUCOSE: { absolute: 2, relative: 0.02 },
      INSULIN: { absolute: 0.05, relative: 0 },
      CARBOHYDRATES: { absolute: 0.5, relative: 0 },
      HEIGHT: { absolute: 0.01, relative: 0 },
      BMI: { absolute: 0.1, relative: 0 },
    });
    const continuous = instants.filter((d) => d.instantKind === 'CONTINUOUS');
    expect(continuous.map((d) => d.type)).toEqual(['HEART_RATE', 'RESTING_HEART_RATE', 'OXYGEN_SATURATION', 'RESPIRATORY_RATE']);
    for (const def of continuous) expect(def.tolerance).toBeUndefined();
    for (const def of definitions.filter((d) => d.dedupKind !== 'INSTANT')) expect([def.instantKind, def.tolerance]).toEqual([undefined, undefined]);
    // Only glucose has a continuous monitor: two uploaders of one sensor within 60 s and 2 mg/dL.
    expect(definitions.filter((d) => d.continuousStream).map((d) => [d.type, d.continuousStream])).toEqual([
      ['BLOOD_GLUCOSE', { matchWindowSeconds: 60, tolerance: { absolute: 2, relative: 0 } }],
    ]);
  });

  it('maps every category alias to one of the type’s own values, never shadowing one', () => {
    for (const def of definitions) {
      for (const [alias, value] of Object.entries(def.categoryAliases ?? {})) {
        expect(def.categoryValues, alias).toContain(value);
        expect(def.categoryValues, alias).not.toContain(alias);
      }
    }
    expect(HEALTH_TYPE_DEFINITIONS.SLEEP_STATE.categoryAliases).toEqual({ asleep: 'asleepUnspecified', rem: 'asleepREM', deep: 'asleepDeep', core: 'asleepCore' });
  });

  it('uses well-formed LOINC codes, each mapping to one type only', () => {
    const codes = definitions.flatMap((d) => [...(d.loinc === null ? [] : [d.loinc]), ...(d.loincAliases ?? [])]);
    for (const code of codes) expect(hasValidLoincCheckDigit(code), code).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses HealthKit identifiers, shared only by the two sleep types', () => {
    for (const def of definitions) expect(def.healthKit).toMatch(/^HK(Quantity|Category|Workout)Type/);
    const shared = definitions.filter((d) => definitions.some((o) => o !== d && o.healthKit === d.healthKit));
    expect(shared.map((d) => d.type)).toEqual(['SLEEP_ANALYSIS', 'SLEEP_STATE']);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(HEALTH_TYPE_DEFINITIONS)).toBe(true);
  });
});
