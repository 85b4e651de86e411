import { describe, expect, it } from 'vitest';
import { mealExcursion, mealExcursions, mergeReadings, NO_BASELINE, NO_READING_AFTER, type SourcedReading } from './meal-excursions';

const T0 = Date.UTC(2026, 10, 12, 8, 0); // the meal
const min = (m: number) => T0 + m * 60_000;
const cgm = (m: number, mgdl: number): SourcedReading => ({ atMs: min(m), mgdl, source: 'cgm' });
const meter = (m: number, mgdl: number): SourcedReading => ({ atMs: min(m), mgdl, source: 'meter' });

describe('mealExcursion', () => {
  it('takes the last reading within 30 minutes before and the peak of the 2 hours after', () => {
    const readings = [cgm(-40, 90), cgm(-20, 100), cgm(-5, 105), cgm(30, 150), cgm(55, 190), cgm(90, 170), cgm(121, 250)];
    const { excursion, reason } = mealExcursion(T0, readings);
    expect(reason).toBeNull();
    expect(excursion).toEqual({ before: cgm(-5, 105), peak: cgm(55, 190), rise: 85, minutesToPeak: 55, readingsAfter: 3, sources: ['cgm'] });
  });

  it('counts a reading at the meal minute as the baseline and one at exactly 2 hours as after', () => {
    const { excursion } = mealExcursion(T0, [cgm(0, 100), cgm(120, 140)]);
    expect(excursion).toMatchObject({ before: { mgdl: 100 }, peak: { mgdl: 140 }, rise: 40, minutesToPeak: 120 });
  });

  it('has no excursion without a baseline (the nearest reading 31 minutes before), and says why', () => {
    expect(mealExcursion(T0, [cgm(-31, 100), cgm(60, 200)])).toEqual({ excursion: null, reason: NO_BASELINE });
  });

  it('has no excursion without a reading in the 2 hours after, and says why', () => {
    expect(mealExcursion(T0, [cgm(-10, 100), cgm(121, 200)])).toEqual({ excursion: null, reason: NO_READING_AFTER });
  });

  it('rests on meter readings too, and names both sources', () => {
    const readings = mergeReadings([{ atMs: min(45), mgdl: 160 }], [{ atMs: min(-15), mgdl: 110 }, { atMs: min(90), mgdl: 150 }]);
    const { excursion } = mealExcursion(T0, readings);
    expect(excursion).toMatchObject({ before: meter(-15, 110), peak: cgm(45, 160), rise: 50, readingsAfter: 2, sources: ['cgm', 'meter'] });
  });

  it('gives a negative rise when glucose only fell, and the earliest of equal peaks', () => {
    const { excursion } = mealExcursion(T0, [cgm(-5, 180), cgm(20, 150), cgm(40, 150)]);
    expect(excursion).toMatchObject({ rise: -30, minutesToPeak: 20 });
  });
});

describe('mealExcursions', () => {
  it('agrees with mealExcursion over all readings for every meal', () => {
    const readings = Array.from({ length: 24 * 12 }, (_, i) => cgm(i * 5 - 600, 100 + ((i * 37) % 90)));
    const meals = [-700, -300, 0, 200, 800, 1000].map((m) => ({ id: String(m), eatenAtMs: min(m) }));
    for (const r of mealExcursions(meals, readings)) {
      const { excursion, reason } = mealExcursion(r.eatenAtMs, readings);
      expect({ excursion: r.excursion, reason: r.reason }).toEqual({ excursion, reason });
    }
  });
});
