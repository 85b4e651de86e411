import { describe, expect, it } from 'vitest';
import {
  HEALTH_TYPE_DEFINITIONS,
  HEALTH_TYPES,
  findTypeByHealthKit,
  findTypeByLoinc,
  getHealthType,
  isHealthType,
} from './index';

describe('isHealthType / getHealthType', () => {
  it('accepts every type and nothing else', () => {
    for (const type of HEALTH_TYPES) expect(isHealthType(type)).toBe(true);
    for (const value of ['', 'steps', 'Steps', 'BLOOD_PRESSURE', 'toString', '__proto__']) {
      expect(isHealthType(value)).toBe(false);
    }
  });

  it('returns the catalogue entry', () => {
    expect(getHealthType('HEART_RATE')).toBe(HEALTH_TYPE_DEFINITIONS.HEART_RATE);
    expect(getHealthType('STEPS').displayName).toBe('Steps');
  });
});

describe('findTypeByLoinc', () => {
  it.each([
    ['55423-8', 'STEPS'],
    ['41950-7', 'STEPS'],
    ['8867-4', 'HEART_RATE'],
    ['40443-4', 'RESTING_HEART_RATE'],
    ['8480-6', 'BLOOD_PRESSURE_SYSTOLIC'],
    ['8462-4', 'BLOOD_PRESSURE_DIASTOLIC'],
    ['29463-7', 'WEIGHT'],
    ['3141-9', 'WEIGHT'],
    ['41982-0', 'BODY_FAT'],
    ['2339-0', 'BLOOD_GLUCOSE'],
    ['15074-8', 'BLOOD_GLUCOSE'],
    ['2345-7', 'BLOOD_GLUCOSE'],
    ['41653-7', 'BLOOD_GLUCOSE'],
    ['59408-5', 'OXYGEN_SATURATION'],
    ['2708-6', 'OXYGEN_SATURATION'],
    ['8310-5', 'BODY_TEMPERATURE'],
    ['8331-1', 'BODY_TEMPERATURE'],
    ['9279-1', 'RESPIRATORY_RATE'],
    ['93832-4', 'SLEEP_ANALYSIS'],
  ])('%s -> %s', (code, type) => {
    expect(findTypeByLoinc(code)).toBe(type);
  });

  it('finds every primary code and alias in the catalogue', () => {
    for (const type of HEALTH_TYPES) {
      const { loinc, loincAliases = [] } = HEALTH_TYPE_DEFINITIONS[type];
      for (const code of [...(loinc === null ? [] : [loinc]), ...loincAliases]) {
        expect(findTypeByLoinc(code)).toBe(type);
      }
    }
  });

  it('returns undefined for unknown or malformed codes', () => {
    for (const code of ['', '8867', '8867-5', ' 8867-4', 'toString', '__proto__']) {
      expect(findTypeByLoinc(code)).toBeUndefined();
    }
  });
});

describe('findTypeByHealthKit', () => {
  it('maps each type back from its identifier', () => {
    for (const type of HEALTH_TYPES) {
      if (type === 'SLEEP_ANALYSIS') continue;
      expect(findTypeByHealthKit(HEALTH_TYPE_DEFINITIONS[type].healthKit)).toBe(type);
    }
  });

  it('sends sleep samples to SLEEP_STATE, from which sleep minutes are derived', () => {
    expect(findTypeByHealthKit('HKCategoryTypeIdentifierSleepAnalysis')).toBe('SLEEP_STATE');
  });

  it.each([
    ['HKQuantityTypeIdentifierStepCount', 'STEPS'],
    ['HKQuantityTypeIdentifierBodyMass', 'WEIGHT'],
    ['HKCategoryTypeIdentifierMenstrualFlow', 'MENSTRUAL_FLOW'],
    ['HKWorkoutTypeIdentifier', 'WORKOUT'],
  ])('%s -> %s', (identifier, type) => {
    expect(findTypeByHealthKit(identifier)).toBe(type);
  });

  it('returns undefined for identifiers we do not ingest', () => {
    for (const id of ['', 'HKQuantityTypeIdentifierDistanceCycling', 'hkquantitytypeidentifierstepcount', 'toString']) {
      expect(findTypeByHealthKit(id)).toBeUndefined();
    }
  });
});
