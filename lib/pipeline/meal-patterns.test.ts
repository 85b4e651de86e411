import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, isHigh, mealPatterns, MIN_MEALS, normalizeDescription, patternConfidence, type MealTypeName, type PatternMeal } from './meal-patterns';

const high = (mealType: MealTypeName, description: string | null = null): PatternMeal => ({ mealType, description, rise: 80, peak: 200 });
const calm = (mealType: MealTypeName, description: string | null = null): PatternMeal => ({ mealType, description, rise: 20, peak: 130 });

describe('binomialUpperTail and the confidence', () => {
  it('matches the exact tail probabilities', () => {
    expect(binomialUpperTail(5, 5, 0.5)).toBeCloseTo(1 / 32, 12);
    expect(binomialUpperTail(4, 5, 0.5)).toBeCloseTo(6 / 32, 12);
    expect(binomialUpperTail(3, 5, 0.5)).toBeCloseTo(16 / 32, 12);
    expect(binomialUpperTail(6, 7, 0.5)).toBeCloseTo(8 / 128, 12);
    expect(binomialUpperTail(2, 4, 0.3)).toBeCloseTo(1 - 0.7 ** 4 - 4 * 0.3 * 0.7 ** 3, 12); // 0.3483
    expect(binomialUpperTail(0, 9, 0.5)).toBe(1);
    expect(binomialUpperTail(10, 9, 0.5)).toBe(0);
  });

  it('is 1 − p: 4 of 5 gives 0.8125, 3 of 5 gives 0.5', () => {
    expect(patternConfidence(4, 5)).toBeCloseTo(0.8125, 12);
    expect(patternConfidence(3, 5)).toBeCloseTo(0.5, 12);
    expect(patternConfidence(7, 10)).toBeCloseTo(1 - 176 / 1024, 12); // 0.828
  });
});

describe('isHigh', () => {
  it('is a peak above 180 or a rise above 50 (both bounds excluded)', () => {
    expect(isHigh({ peak: 180, rise: 50 })).toBe(false);
    expect(isHigh({ peak: 181, rise: 0 })).toBe(true);
    expect(isHigh({ peak: 150, rise: 51 })).toBe(true);
  });
});

describe('normalizeDescription', () => {
  it('folds case, whitespace, punctuation and simple plurals', () => {
    expect(normalizeDescription('  Pancakes   with  BERRIES! ')).toBe('pancake with berry');
    expect(normalizeDescription('pancake with berry')).toBe('pancake with berry');
    expect(normalizeDescription('Sandwiches, glass of milk')).toBe('sandwich glass of milk');
    expect(normalizeDescription('hummus')).toBe('hummus');
  });
});

describe('mealPatterns', () => {
  it('finds breakfasts high in 6 of 7, worded as what the data shows, with the sample size', () => {
    const meals = [...Array.from({ length: 6 }, () => high('breakfast')), calm('breakfast'), ...Array.from({ length: 7 }, () => calm('lunch'))];
    const patterns = mealPatterns(meals);
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({ group: { by: 'mealType', mealType: 'breakfast' }, meals: 7, high: 6, confidence: 0.93, medianRise: 80, medianPeak: 200 });
    expect(patterns[0]!.summary).toBe('In 6 of 7 breakfasts with readings, glucose rose more than 50 mg/dL or went above 180 mg/dL within 2 hours.');
  });

  it('groups a repeated description across meal types and spellings', () => {
    const meals = [high('breakfast', 'Pancakes'), high('lunch', 'pancake'), high('snack', ' PANCAKES '), high('dinner', 'pancakes.'), high('other', 'Pancake')];
    const patterns = mealPatterns(meals);
    expect(patterns.map((p) => p.group)).toEqual([{ by: 'description', description: 'pancake' }]);
    expect(patterns[0]).toMatchObject({ meals: 5, high: 5, confidence: 0.96 });
  });

  it('shows nothing below the evidence bar: 3 of 5 high (confidence 0.5)', () => {
    expect(mealPatterns([high('dinner'), high('dinner'), high('dinner'), calm('dinner'), calm('dinner')])).toEqual([]);
  });

  it('never yields a pattern from fewer than 5 meals in a group (property)', () => {
    const meal = fc.record({
      mealType: fc.constantFrom<MealTypeName>('breakfast', 'lunch', 'dinner', 'snack', 'other'),
      description: fc.option(fc.constantFrom('toast', 'Toasts', 'rice', 'pasta'), { nil: null }),
      rise: fc.integer({ min: -100, max: 300 }),
      peak: fc.integer({ min: 40, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(meal, { maxLength: 40 }), (meals) => {
        for (const p of mealPatterns(meals)) {
          expect(p.meals).toBeGreaterThanOrEqual(MIN_MEALS);
          expect(p.confidence).toBeGreaterThanOrEqual(0.7);
          const members = meals.filter((m) => (p.group.by === 'mealType' ? m.mealType === p.group.mealType : m.description !== null && normalizeDescription(m.description) === p.group.description));
          expect(members.length).toBe(p.meals);
          expect(members.filter(isHigh).length).toBe(p.high);
        }
        if (meals.length < MIN_MEALS) expect(mealPatterns(meals)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
