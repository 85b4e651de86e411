// Food–glucose patterns, pure: a meal type, or a description the person repeats, after which glucose is
// consistently high. It describes the data, never advises.
//
// "High" (per meal): the peak in the 2 hours after the meal is above 180 mg/dL (the ADA Standards of Care,
// glycemic goals: peak postprandial glucose < 180 mg/dL for non-pregnant adults), or glucose rose more than
// 50 mg/dL from the reading before the meal (no consensus sets a rise threshold; 50 mg/dL is the
// conservative figure this product states with every pattern).
//
// "Consistently": the group's meals are high more often than not, with evidence. The method is the
// one-sided exact binomial test of H0 "a meal of this group is high with probability 1/2 or less" against
// "more than 1/2": p = P(X ≥ k | n, 1/2) for k high meals of n; confidence = 1 − p. A pattern is shown
// only with at least 5 meals with excursions AND confidence ≥ 0.7 (so 4 of 5 high: 0.81 is shown; 3 of 5:
// 0.5 is not; 5 of 5: 0.97).
export const HIGH_PEAK_MGDL = 180;
export const HIGH_RISE_MGDL = 50;
export const MIN_MEALS = 5;
export const MIN_CONFIDENCE = 0.7;

export type MealTypeName = 'breakfast' | 'lunch' | 'dinner' | 'snack' | 'other';
export type PatternMeal = { mealType: MealTypeName; description: string | null; rise: number; peak: number };
export type MealPattern = {
  group: { by: 'mealType'; mealType: MealTypeName } | { by: 'description'; description: string };
  meals: number;
  high: number;
  confidence: number;
  medianRise: number;
  medianPeak: number;
  /** What the data shows, in words ("In 6 of 7 breakfasts with readings, …"). */
  summary: string;
};

export const isHigh = (m: { rise: number; peak: number }) => m.peak > HIGH_PEAK_MGDL || m.rise > HIGH_RISE_MGDL;

/** P(X ≥ k) for X ~ Binomial(n, p), summed exactly (n is a count of meals: small). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let sum = 0;
  let coef = 1; // C(n, i), built up as i grows
  for (let i = 0; i <= n; i++) {
    if (i > 0) coef = (coef * (n - i + 1)) / i;
    if (i >= k) sum += coef * p ** i * (1 - p) ** (n - i);
  }
  return Math.min(1, sum);
}

/** Confidence that the group is high more often than not: 1 − P(X ≥ k | n, 1/2). */
export const patternConfidence = (high: number, meals: number) => 1 - binomialUpperTail(high, meals, 0.5);

/** A description as it is grouped: lower case, single spaces, no punctuation, simple English plurals made singular. */
export function normalizeDescription(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map(singular)
    .join(' ');
}

function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y'; // berries → berry
  if (/(ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2); // sandwiches → sandwich
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1); // oats → oat; glass, hummus stay
  return word;
}

const PLURAL: Record<MealTypeName, string> = { breakfast: 'breakfasts', lunch: 'lunches', dinner: 'dinners', snack: 'snacks', other: 'other meals' };

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function evaluate(group: MealPattern['group'], label: string, meals: PatternMeal[]): MealPattern | null {
  if (meals.length < MIN_MEALS) return null;
  const high = meals.filter(isHigh).length;
  const confidence = patternConfidence(high, meals.length);
  if (confidence < MIN_CONFIDENCE) return null;
  return {
    group,
    meals: meals.length,
    high,
    confidence: Math.floor(confidence * 100) / 100, // never rounded up past what the test gives
    medianRise: Math.round(median(meals.map((m) => m.rise))),
    medianPeak: Math.round(median(meals.map((m) => m.peak))),
    summary: `In ${high} of ${meals.length} ${label} with readings, glucose rose more than ${HIGH_RISE_MGDL} mg/dL or went above ${HIGH_PEAK_MGDL} mg/dL within 2 hours.`,
  };
}

/** The patterns among meals with excursions: by meal type, then by repeated description; strongest first. */
export function mealPatterns(meals: readonly PatternMeal[]): MealPattern[] {
  const byType = new Map<MealTypeName, PatternMeal[]>();
  const byDescription = new Map<string, PatternMeal[]>();
  for (const m of meals) {
    byType.set(m.mealType, [...(byType.get(m.mealType) ?? []), m]);
    const key = m.description ? normalizeDescription(m.description) : '';
    if (key) byDescription.set(key, [...(byDescription.get(key) ?? []), m]);
  }
  const found: MealPattern[] = [];
  for (const [mealType, group] of byType) {
    const p = evaluate({ by: 'mealType', mealType }, PLURAL[mealType], group);
    if (p) found.push(p);
  }
  for (const [description, group] of byDescription) {
    const p = evaluate({ by: 'description', description }, `meals described as “${description}”`, group);
    if (p) found.push(p);
  }
  return found.sort((a, b) => b.confidence - a.confidence || b.meals - a.meals);
}
