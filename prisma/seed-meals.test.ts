// The demo meals against the real database at a pinned clock: 14 days of meals at their local times, once
// (a second run adds nothing); with a CGM stream shaped like the one the demo seeds (a rise of 75 mg/dL
// after breakfast, moderate after lunch and dinner), the breakfast pattern passes the evidence bar.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { mealsAnswer } from '@/lib/data/meal-report';
import { addDays, parseDay, zoneClock } from '@/lib/time';
import { createDevice, createUser, syncSamples } from '@/test/factories';
import { DEMO_MEAL_TIMES, seedDemoMeals } from './seed-meals';

const NOW = new Date('2026-11-21T11:02:00Z'); // 12:02 in Berlin: today's breakfast is eaten, lunch is not
const ZONE = 'Europe/Berlin';
const clock = zoneClock(ZONE);
const at = (day: string, minute: number) => clock.hourStart(parseDay(day) * 24 + Math.floor(minute / 60)) + (minute % 60) * 60_000;

describe('seedDemoMeals', () => {
  it('records 14 days of meals at their local times, once; the breakfasts show the pattern', async () => {
    const patient = await createUser({ timeZone: ZONE });
    const cgm = await createDevice(patient.id, 'cgm', 'Demo sensor');
    const readings: Record<string, unknown>[] = [];
    const reading = (ms: number, value: number) => ({ type: 'BLOOD_GLUCOSE', value, unit: 'mg/dL', startDate: new Date(ms).toISOString(), endDate: new Date(ms).toISOString() });
    for (let i = 0; i < 14; i++) {
      const day = addDays('2026-11-21', -i);
      const b = DEMO_MEAL_TIMES.breakfast;
      readings.push(reading(at(day, b - 15), 100), reading(at(day, b + 30), 150), reading(at(day, b + 60), 175), reading(at(day, b + 105), 130));
      if (i === 0) continue; // today: only up to now
      readings.push(reading(at(day, DEMO_MEAL_TIMES.lunch - 10), 110), reading(at(day, DEMO_MEAL_TIMES.lunch + 45), 140));
      readings.push(reading(at(day, DEMO_MEAL_TIMES.dinner - 10), 105), reading(at(day, DEMO_MEAL_TIMES.dinner + 45), 150));
    }
    await syncSamples(cgm, readings);

    const count = await seedDemoMeals({ patientId: patient.id, days: 14, now: NOW });
    // 13 whole days of breakfast, lunch, dinner and a snack every other day, plus today's breakfast.
    expect(count).toBe(13 * 3 + 7 + 1);
    expect(await seedDemoMeals({ patientId: patient.id, days: 14, now: NOW })).toBe(0);
    const first = await prisma.meal.findFirstOrThrow({ where: { userId: patient.id }, orderBy: { eatenAt: 'asc' } });
    expect(first.eatenAt.getTime()).toBe(at('2026-11-08', DEMO_MEAL_TIMES.breakfast));
    expect(first.description).toMatch(/^v1\./); // encrypted

    const answer = await mealsAnswer({ patientId: patient.id, timeZone: ZONE, types: 'ALL' }, { from: '2026-11-08', to: '2026-11-21' }, NOW.getTime());
    expect(answer.meals).toHaveLength(count);
    expect(answer.patterns.find((p) => p.group.by === 'mealType')).toMatchObject({ group: { mealType: 'breakfast' }, meals: 14, high: 14, confidence: 0.99 });
    expect(answer.patterns.filter((p) => p.group.by === 'mealType')).toHaveLength(1); // lunches and dinners stay moderate
    expect(answer.meals.filter((m) => m.mealType === 'snack').every((m) => m.excursion === null)).toBe(true);
  });
});
