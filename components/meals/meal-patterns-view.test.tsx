// The food–glucose patterns worded from their numbers: English exactly as the API's `summary` and
// `method` read, and the page in the reader's language (Hindi here) with no English sentence left.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PATTERN_METHOD } from '@/lib/data/meal-report';
import { mealPatterns, type MealTypeName, type PatternMeal } from '@/lib/pipeline/meal-patterns';
import { MealPatternsView, patternMethod, patternSummary } from './meal-patterns-view';

const high = (mealType: MealTypeName, description: string | null = null): PatternMeal => ({ mealType, description, rise: 80, peak: 200 });
const calm = (mealType: MealTypeName, description: string | null = null): PatternMeal => ({ mealType, description, rise: 20, peak: 130 });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

const patterns = mealPatterns([
  ...Array.from({ length: 6 }, () => high('breakfast', 'Poha with tea')),
  calm('breakfast', 'poha with teas'),
  ...Array.from({ length: 5 }, () => high('other')),
]);

describe('meal pattern sentences', () => {
  it('read in English as the API words them, for a meal type and a description', () => {
    expect(patterns.map((p) => p.group.by).sort()).toEqual(['description', 'mealType', 'mealType']);
    for (const p of patterns) expect(patternSummary(p, 'en')).toBe(p.summary);
    expect(patternMethod('en')).toBe(PATTERN_METHOD);
  });

  it('render in Hindi on the page', () => {
    const shown = text(renderToStaticMarkup(<MealPatternsView answer={{ patterns, withExcursions: 12, high: 11 }} locale="hi" />));
    expect(shown).toContain('रीडिंग वाले 7 नाश्तों में से 6 में, 2 घंटे के अंदर ग्लूकोज़ 50 mg/dL से ज़्यादा बढ़ा या 180 mg/dL से ऊपर गया।');
    expect(shown).toContain('रीडिंग वाले 5 अन्य भोजनों में से 5 में');
    expect(shown).toContain('“poha with tea” बताए गए, रीडिंग वाले 7 भोजनों में से 6 में');
    expect(shown).toContain('≥ 0.7 विश्वास');
    for (const p of patterns) expect(shown).not.toContain(p.summary);
    expect(shown).not.toContain('A meal counts as high');
  });

  it('write a Marathi reader’s numbers in Devanagari digits', () => {
    const breakfasts = patterns.find((p) => p.group.by === 'mealType' && p.group.mealType === 'breakfast')!;
    expect(patternSummary(breakfasts, 'mr')).toMatch(/^नोंदी असलेल्या ७ न्याहारींपैकी ६ मध्ये/);
  });
});
