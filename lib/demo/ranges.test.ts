import { describe, expect, it } from 'vitest';
import type { DemoSample } from './types';
import { allSamples, demo, mean, num, ofType, startMs } from './test-utils';

const RANGES: Record<string, { unit?: string; min: number; max: number }> = {
  STEPS: { unit: 'count', min: 1, max: 3000 },
  DISTANCE: { unit: 'm', min: 0, max: 3000 },
  HEART_RATE: { unit: 'count/min', min: 40, max: 190 },
  RESTING_HEART_RATE: { unit: 'count/min', min: 40, max: 110 },
  ACTIVE_ENERGY: { unit: 'kcal', min: 0, max: 1000 },
  OXYGEN_SATURATION: { unit: '%', min: 90, max: 100 },
  WEIGHT: { unit: 'kg', min: 30, max: 250 },
  BODY_FAT: { unit: '%', min: 5, max: 60 },
  BLOOD_PRESSURE_SYSTOLIC: { unit: 'mmHg', min: 85, max: 200 },
  BLOOD_PRESSURE_DIASTOLIC: { unit: 'mmHg', min: 45, max: 125 },
  BLOOD_GLUCOSE: { unit: 'mg/dL', min: 40, max: 400 },
};
const SLEEP_STAGES = ['asleepCore', 'asleepDeep', 'asleepREM', 'awake'];
const MEAL_CONTEXTS = ['fasting', 'before_breakfast', 'after_breakfast', 'before_lunch', 'after_lunch', 'before_dinner', 'after_dinner', 'bedtime', 'random'];
const contextOf = (s: DemoSample) => String(s.metadata?.['mealContext']);

describe.each([0, 1, 2])('demo profile %i', (i) => {
  const data = demo(i);

  it('keeps numeric values within plausible ranges and with the right unit', () => {
    const bad = allSamples(data).filter((s) => {
      const range = RANGES[s.type];
      if (!range) return false;
      return s.unit !== range.unit || typeof s.value !== 'number' || !Number.isFinite(s.value) || s.value < range.min || s.value > range.max;
    });
    expect(bad).toEqual([]);
  });

  it('keeps steps per 10 minutes (watch) and per 15 minutes (phone) within what a person can walk or run', () => {
    expect(Math.max(...ofType(data.watch, 'STEPS').map(num))).toBeLessThanOrEqual(2000);
    const perMinute = [...ofType(data.watch, 'STEPS'), ...ofType(data.phone, 'STEPS')].map((s) => num(s) / ((Date.parse(s.endDate) - startMs(s)) / 60_000));
    expect(Math.max(...perMinute)).toBeLessThanOrEqual(200);
  });

  it('uses category strings without unit for sleep and workouts', () => {
    for (const s of ofType(data.watch, 'SLEEP_STATE')) {
      expect(SLEEP_STAGES).toContain(s.value);
      expect(s.unit).toBeUndefined();
    }
    for (const s of ofType(data.watch, 'WORKOUT')) {
      expect(['walking', 'running']).toContain(s.value);
      expect(s.unit).toBeUndefined();
      expect(s.metadata?.['energyKcal']).toEqual(expect.any(Number));
    }
  });

  it('cycles through sleep stages, deep sleep mostly in the first half of the night', () => {
    const stages = ofType(data.watch, 'SLEEP_STATE');
    expect(new Set(stages.map((s) => s.value))).toEqual(new Set(SLEEP_STAGES));
    const minutes = (v: string) => stages.filter((s) => s.value === v).reduce((a, s) => a + (Date.parse(s.endDate) - startMs(s)) / 60_000, 0);
    expect(minutes('asleepCore')).toBeGreaterThan(minutes('asleepDeep'));
    expect(minutes('asleepCore')).toBeGreaterThan(minutes('asleepREM'));
  });

  it('pairs systolic and diastolic at the same instant with a shared id prefix', () => {
    const sys = ofType(data.cuff, 'BLOOD_PRESSURE_SYSTOLIC');
    const dia = ofType(data.cuff, 'BLOOD_PRESSURE_DIASTOLIC');
    expect(sys.length).toBe(dia.length);
    sys.forEach((s, k) => {
      const d = dia[k];
      expect(d?.startDate).toBe(s.startDate);
      expect(s.clientRecordId).toBe(`cuff-${startMs(s)}-sys`);
      expect(d?.clientRecordId).toBe(`cuff-${startMs(s)}-dia`);
      expect(num(s) - Number(d?.value)).toBeGreaterThanOrEqual(20);
    });
  });

  it('labels every glucose reading with a meal context; post-meal readings are higher', () => {
    const readings = ofType(data.glucometer, 'BLOOD_GLUCOSE');
    for (const s of readings) expect(MEAL_CONTEXTS).toContain(contextOf(s));
    const after = readings.filter((s) => contextOf(s).startsWith('after_')).map(num);
    const fasting = readings.filter((s) => contextOf(s) === 'fasting' && num(s) >= 70).map(num);
    expect(mean(after)).toBeGreaterThan(mean(fasting) + 20);
  });
});

describe('glucose lows', () => {
  it('appear only for the profile with glucoseLowEpisodes: two below 70 and one below 54', () => {
    const values = (i: number) => ofType(demo(i).glucometer, 'BLOOD_GLUCOSE').map(num);
    expect(values(0).filter((v) => v < 70)).toEqual([]);
    expect(values(1).filter((v) => v < 70)).toEqual([]);
    const low = values(2).filter((v) => v < 70);
    expect(low.length).toBe(3);
    expect(low.filter((v) => v < 54).length).toBe(1);
  });
});
