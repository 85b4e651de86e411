// The meals of a period of the patient's local days, each with what it did to glucose (its excursion, or why
// there is none), and the food–glucose patterns among them (lib/pipeline/meal-patterns.ts). Glucose is read
// from a day before to a day after the period, so a meal just after midnight has its baseline and one late
// on the last day its 2 hours after. A share's reader sees meals only when the share covers carbohydrates
// and glucose, and only on its days (the glucose too).
import { notFound } from '../http/errors';
import { mealExcursions, mergeReadings, type Excursion } from '../pipeline/meal-excursions';
import { HIGH_PEAK_MGDL, HIGH_RISE_MGDL, isHigh, mealPatterns, MIN_CONFIDENCE, MIN_MEALS, type MealPattern } from '../pipeline/meal-patterns';
import { addDays, localDate, zonedDayRangeUtc } from '../time';
import { narrowDays, requireTypes, type ReadScope } from './access';
import { loadPeriodGlucose, resolvePeriod, type Period } from './glucose-report';
import { listMeals, readMealPhoto, type Meal } from './meals';

export type MealWithExcursion = Meal & { excursion: Excursion | null; excursionNote: string | null; high: boolean | null };
export type MealsAnswer = Period & {
  meals: MealWithExcursion[];
  patterns: MealPattern[];
  /** Meals with an excursion and how many of them were high: the person's overall picture. */
  withExcursions: number;
  high: number;
  method: string;
};

export const PATTERN_METHOD =
  `A meal counts as high when glucose rose more than ${HIGH_RISE_MGDL} mg/dL from the reading before it, or went above ${HIGH_PEAK_MGDL} mg/dL ` +
  `(the ADA postprandial goal), within 2 hours. A pattern is shown when at least ${MIN_MEALS} meals of a type or description have readings and ` +
  `a one-sided exact binomial test gives confidence ≥ ${MIN_CONFIDENCE} that they are high more often than not.`;

/** The scope may read meals at all (a share: only when it covers carbohydrates and glucose). */
export function requireMealScope(scope: ReadScope): void {
  requireTypes(scope, ['CARBOHYDRATES', 'BLOOD_GLUCOSE']);
}

export async function mealsAnswer(scope: ReadScope, period: Period, nowMs: number): Promise<MealsAnswer> {
  requireMealScope(scope);
  const fromMs = zonedDayRangeUtc(period.from, scope.timeZone).startMs;
  const toMs = zonedDayRangeUtc(period.to, scope.timeZone).endMs;
  const meals = fromMs < toMs ? await listMeals(scope.patientId, fromMs, toMs) : [];
  const around = narrowDays(scope, addDays(period.from, -1), addDays(period.to, 1));
  const glucose = meals.length > 0 ? await loadPeriodGlucose(scope, around, nowMs) : { cgm: [], meter: [] };
  const readings = mergeReadings(glucose.cgm, glucose.meter);
  const results = mealExcursions(meals.map((meal) => ({ meal, eatenAtMs: Date.parse(meal.eatenAt) })), readings);
  const withExcursions = results.map(({ meal, excursion, reason }): MealWithExcursion => ({
    ...meal,
    excursion,
    excursionNote: reason,
    high: excursion ? isHigh({ rise: excursion.rise, peak: excursion.peak.mgdl }) : null,
  }));
  const measured = withExcursions.filter((m) => m.excursion !== null);
  const patterns = mealPatterns(measured.map((m) => ({ mealType: m.mealType, description: m.description, rise: m.excursion!.rise, peak: m.excursion!.peak.mgdl })));
  return { ...period, meals: withExcursions, patterns, withExcursions: measured.length, high: measured.filter((m) => m.high).length, method: PATTERN_METHOD };
}

/** A meal's photo for a reader of the patient's data: 404 outside a share's types or days. */
export async function mealPhotoFor(scope: ReadScope, mealId: string) {
  requireMealScope(scope);
  const photo = await readMealPhoto({ patientId: scope.patientId, mealId });
  if (!photo) throw notFound('photo');
  if (scope.fromDay || scope.toDay) {
    const day = localDate(photo.eatenAtMs, scope.timeZone);
    if ((scope.fromDay && day < scope.fromDay) || (scope.toDay && day > scope.toDay)) throw notFound('photo');
  }
  return photo;
}

/** The answer for the 14 days ending today in the patient's zone (the meals pages). */
export async function recentMealsAnswer(scope: ReadScope): Promise<MealsAnswer> {
  const now = Date.now();
  return mealsAnswer(scope, resolvePeriod(scope, {}, now), now);
}
