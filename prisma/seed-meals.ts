// Demo meals (issue 18): the demo diabetes patient's breakfasts, lunches and dinners over the last `days`
// local days, recorded through the data layer (descriptions encrypted like any meal's). The integrator calls
// seedDemoMeals from the demo seed after the CGM stream is seeded; the meals sit at fixed local times so that
// stream can be shaped around them: breakfast 07:30 (a carb-heavy one, meant to show a rise > 50 mg/dL: the
// pattern the meals page finds), lunch 12:45 and dinner 19:15 (meant to stay moderate), a snack at 16:00
// every other day. Safe to run twice: it stops when the patient already has meals.
import { prisma } from '../lib/db/client';
import { createMeal, type MealInput } from '../lib/data/meals';
import { addDays, localDate, parseDay, zoneClock } from '../lib/time';

export const DEMO_MEAL_TIMES = { breakfast: 7 * 60 + 30, lunch: 12 * 60 + 45, snack: 16 * 60, dinner: 19 * 60 + 15 } as const;

const BREAKFASTS = ['Porridge with honey', 'White toast with jam', 'Cornflakes with milk', 'Porridge with honey', 'Croissant and orange juice'];
const LUNCHES = ['Chicken salad', 'Lentil soup', 'Turkey sandwich', 'Chicken salad'];
const DINNERS = ['Salmon with vegetables', 'Pasta with tomato sauce', 'Stir-fried tofu with rice', 'Salmon with vegetables'];

/** The demo's meals for one local day (deterministic), in time order. */
export function demoMealsOfDay(dayIndex: number): (Omit<MealInput, 'eatenAt'> & { minute: number })[] {
  const meals: (Omit<MealInput, 'eatenAt'> & { minute: number })[] = [
    { mealType: 'breakfast', minute: DEMO_MEAL_TIMES.breakfast, carbsGrams: 70, description: BREAKFASTS[dayIndex % BREAKFASTS.length]! },
    { mealType: 'lunch', minute: DEMO_MEAL_TIMES.lunch, carbsGrams: 40, description: LUNCHES[dayIndex % LUNCHES.length]! },
    { mealType: 'dinner', minute: DEMO_MEAL_TIMES.dinner, carbsGrams: 50, description: DINNERS[dayIndex % DINNERS.length]! },
  ];
  if (dayIndex % 2 === 0) meals.splice(2, 0, { mealType: 'snack', minute: DEMO_MEAL_TIMES.snack, carbsGrams: 15, description: 'Apple' });
  return meals;
}

/** Records the meals of the `days` local days ending today (none after `now`); the count, or 0 when already seeded. */
/**
 * `mealMinutes` (optional) gives a local day's breakfast, lunch and dinner minutes, so the meals sit where a
 * demo CGM trace rises (lib/demo/cgm-type1.ts); else the fixed DEMO_MEAL_TIMES.
 */
export async function seedDemoMeals(args: { patientId: string; days?: number; now?: Date; mealMinutes?: (epochDay: number) => number[] }): Promise<number> {
  const { patientId, days = 14, now = new Date(), mealMinutes } = args;
  if ((await prisma.meal.count({ where: { userId: patientId } })) > 0) return 0;
  const profile = await prisma.profile.findUnique({ where: { userId: patientId }, select: { timeZone: true } });
  const timeZone = profile?.timeZone ?? 'UTC';
  const today = localDate(now.getTime(), timeZone);
  const clock = zoneClock(timeZone);
  let count = 0;
  for (let i = days - 1; i >= 0; i--) {
    const epochDay = parseDay(addDays(today, -i));
    const firstHour = epochDay * 24;
    const planned = mealMinutes?.(epochDay);
    const byType: Record<string, number | undefined> = planned ? { breakfast: planned[0], lunch: planned[1], dinner: planned[2] } : {};
    for (const { minute: fixed, ...meal } of demoMealsOfDay(days - 1 - i)) {
      const minute = byType[meal.mealType] ?? fixed;
      // The local wall-clock time (right on DST days too: the local hour's start, plus the minutes).
      const eatenAt = clock.hourStart(firstHour + Math.floor(minute / 60)) + (minute % 60) * 60_000;
      if (eatenAt > now.getTime()) continue;
      await createMeal({ patientId, recordedById: patientId }, { ...meal, eatenAt });
      count++;
    }
  }
  return count;
}
