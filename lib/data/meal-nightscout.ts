// Nightscout carbs become meals: a treatment with carbs > 0 (API v1 or v3; AndroidAPS "Meal Bolus" and
// "Carb Correction", Loop's and Trio's carb entries, xDrip+'s "<none>" with carbs) is also a meal of the
// site's patient, source 'nightscout', source_id the treatment's identifier, so a retry or a second copy
// is the same meal; a changed treatment updates it, one without carbs any more or a removed one deletes
// it (with any photo the patient attached).
//
// The meal type is inferred from the local time of day in the patient's zone, since Nightscout has no
// meal type: 05:00–10:59 breakfast, 11:00–15:59 lunch, 17:00–21:59 dinner, any other hour a snack; an
// eventType of "Snack Bolus" is a snack whatever the hour. The description is the treatment's `notes`
// (else Loop's `foodType`), when it is text; encrypted like any meal's.
import { randomUUID } from 'node:crypto';
import { encryptNullable } from '../crypto/fields';
import { prisma } from '../db/client';
import { objectStore } from '../maintenance/object-store';
import type { MealTypeName } from '../pipeline/meal-patterns';
import { offsetMinutesAt } from '../time';
import { MAX_DESCRIPTION, toDbType } from './meals';

export const NIGHTSCOUT_SOURCE = 'nightscout';

export function inferMealType(atMs: number, timeZone: string, eventType: string | null): MealTypeName {
  if (eventType === 'Snack Bolus') return 'snack';
  const minuteOfDay = (((Math.floor((atMs + offsetMinutesAt(atMs, timeZone) * 60_000) / 60_000)) % 1440) + 1440) % 1440;
  const hour = Math.floor(minuteOfDay / 60);
  if (hour >= 5 && hour < 11) return 'breakfast';
  if (hour >= 11 && hour < 16) return 'lunch';
  if (hour >= 17 && hour < 22) return 'dinner';
  return 'snack';
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() && !v.includes('\u0000') && v.isWellFormed() ? v.trim().slice(0, MAX_DESCRIPTION) : null);

/** Creates, updates or deletes the meal of one treatment (as stored: its identifier, time and fields). */
export async function syncNightscoutMeal(site: { userId: string; timeZone: string }, t: { identifier: string; dateMs: number; eventType: string | null; doc: Record<string, unknown> }): Promise<void> {
  const carbs = Number(t.doc.carbs ?? NaN);
  if (!(carbs > 0)) return removeNightscoutMeal(site.userId, t.identifier);
  const where = { userId_sourceId: { userId: site.userId, sourceId: t.identifier } };
  const existing = await prisma.meal.findUnique({ where, select: { id: true } });
  const id = existing?.id ?? randomUUID();
  const data = {
    mealType: toDbType(inferMealType(t.dateMs, site.timeZone, t.eventType)),
    eatenAt: new Date(t.dateMs),
    carbsGrams: carbs,
    description: await encryptNullable(site.userId, { table: 'meals', column: 'description', rowId: id }, text(t.doc.notes) ?? text(t.doc.foodType)),
  };
  await prisma.meal.upsert({ where, create: { id, userId: site.userId, source: NIGHTSCOUT_SOURCE, sourceId: t.identifier, recordedById: null, ...data }, update: data });
}

/** Deletes the meal of a treatment, and its photo (nothing when there is none). */
export async function removeNightscoutMeal(userId: string, identifier: string): Promise<void> {
  const meal = await prisma.meal.findUnique({ where: { userId_sourceId: { userId, sourceId: identifier } }, select: { id: true, photoKey: true } });
  if (!meal) return;
  await prisma.meal.deleteMany({ where: { id: meal.id } });
  if (meal.photoKey) await objectStore().delete(meal.photoKey);
}
