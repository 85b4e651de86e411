// Meals: what a person ate and when (type, time, carbohydrates in grams, a free-text description, an
// optional photo), entered in the app by the patient or a caregiver allowed to log for them, or arriving
// as Nightscout carbs (lib/data/meal-nightscout.ts). The description is encrypted with the patient's data
// key, bound to the meal's row; the photo's bytes are encrypted the same way (bound to the meal and the
// "photo" column) and kept in the object store under `photo_key`. Deleting a meal (a retraction, its
// earlier states kept: lib/data/corrections.ts) deletes its photo.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { decryptNullable, encryptNullable, type FieldRef } from '../crypto/fields';
import { prisma } from '../db/client';
import type { MealType } from '../generated/prisma/enums';
import { ApiError } from '../http/errors';
import { storableText } from '../http/text';
import { objectStore, type ObjectStore } from '../maintenance/object-store';
import type { MealTypeName } from '../pipeline/meal-patterns';
import { isUuid } from './access';
import { pastInstant } from './entries';
import { inIdempotentTransaction, type ScopedIdempotency } from './idempotency-keys';
import { decryptPhoto, encryptPhoto, sniffImageType } from './meal-photo-fields';

export const MEAL_TYPES = ['breakfast', 'lunch', 'dinner', 'snack', 'other'] as const satisfies readonly MealTypeName[];
export const MAX_DESCRIPTION = 500;
export const MAX_CARBS_GRAMS = 1000;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_MEAL_BYTES = 8 * 1024;

const descriptionRef = (mealId: string): FieldRef => ({ table: 'meals', column: 'description', rowId: mealId });
export const toDbType = (t: MealTypeName) => t.toUpperCase() as MealType;
const fromDbType = (t: MealType) => t.toLowerCase() as MealTypeName;

// ───────────── the request body ─────────────

const eatenAt = pastInstant('must be an ISO 8601 date-time');

export const mealInputSchema = z.strictObject(
  {
    mealType: z.enum(MEAL_TYPES, { error: `must be one of: ${MEAL_TYPES.join(', ')}` }),
    eatenAt,
    carbsGrams: z
      .number({ error: 'must be a number of grams' })
      .min(0, 'must not be negative')
      .max(MAX_CARBS_GRAMS, `must be at most ${MAX_CARBS_GRAMS} g`)
      .nullish()
      .transform((v) => v ?? null),
    description: storableText()
      .trim()
      .max(MAX_DESCRIPTION, `must be at most ${MAX_DESCRIPTION} characters`)
      .nullish()
      .transform((s) => (s ? s : null)),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : undefined) },
);
export type MealInput = z.output<typeof mealInputSchema>;

// ───────────── reading and writing ─────────────

export type Meal = {
  id: string;
  patientId: string;
  mealType: MealTypeName;
  eatenAt: string;
  carbsGrams: number | null;
  description: string | null;
  hasPhoto: boolean;
  source: string;
  recordedById: string | null;
  createdAt: string;
};

type MealRow = { id: string; userId: string; mealType: MealType; eatenAt: Date; carbsGrams: number | null; description: string | null; photoKey: string | null; source: string; recordedById: string | null; createdAt: Date };

async function toMeal(row: MealRow): Promise<Meal> {
  return {
    id: row.id,
    patientId: row.userId,
    mealType: fromDbType(row.mealType),
    eatenAt: row.eatenAt.toISOString(),
    carbsGrams: row.carbsGrams,
    description: await decryptNullable(row.userId, descriptionRef(row.id), row.description),
    hasPhoto: row.photoKey !== null,
    source: row.source,
    recordedById: row.recordedById,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Whose meal it is and who recorded it (never from the body; see lib/data/entries.ts for who may). */
export type MealTarget = { patientId: string; recordedById: string };

/**
 * Records a meal; with a key (lib/http/idempotency.ts) its answer is stored with it in one transaction, so
 * the offline app's resend of the same request answers again instead of recording the meal twice.
 */
export async function storeMeal(target: MealTarget, input: MealInput, idem: ScopedIdempotency | null) {
  const id = randomUUID();
  const description = await encryptNullable(target.patientId, descriptionRef(id), input.description);
  return inIdempotentTransaction(idem, async (tx) => {
    const row = await tx.meal.create({
      data: { id, userId: target.patientId, mealType: toDbType(input.mealType), eatenAt: new Date(input.eatenAt), carbsGrams: input.carbsGrams, description, source: 'app', recordedById: target.recordedById },
    });
    return { status: 201, body: await toMeal(row) };
  });
}

export async function createMeal(target: MealTarget, input: MealInput): Promise<Meal> {
  const outcome = await storeMeal(target, input, null);
  if (outcome.kind !== 'stored') throw new Error('unreachable: no key, no earlier answer');
  return outcome.response.body as Meal;
}

/** The patient's meals eaten in [fromMs, toMs), oldest first. */
export async function listMeals(patientId: string, fromMs: number, toMs: number): Promise<Meal[]> {
  const rows = await prisma.meal.findMany({ where: { userId: patientId, eatenAt: { gte: new Date(fromMs), lt: new Date(toMs) } }, orderBy: [{ eatenAt: 'asc' }, { id: 'asc' }] });
  return Promise.all(rows.map(toMeal));
}

// Correcting and deleting a meal keep its history: lib/data/corrections.ts (PATCH / DELETE …/meals/{id}).

// ───────────── the photo ─────────────

/** Stores (or replaces) a meal's photo; 422 unless JPEG, PNG, WebP or HEIC by its bytes. False when no such meal. */
export async function setMealPhoto(args: { patientId: string; mealId: string; bytes: Uint8Array; recordedBy?: string; store?: ObjectStore }): Promise<boolean> {
  if (!isUuid(args.mealId)) return false;
  const where = { id: args.mealId, userId: args.patientId, ...(args.recordedBy ? { recordedById: args.recordedBy } : {}) };
  const meal = await prisma.meal.findFirst({ where, select: { photoKey: true } });
  if (!meal) return false;
  if (args.bytes.byteLength === 0) throw new ApiError('VALIDATION_ERROR', 'the photo is empty', [{ field: 'photo', reason: 'must not be empty' }]);
  if (args.bytes.byteLength > MAX_PHOTO_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', `a photo is at most ${MAX_PHOTO_BYTES} bytes`);
  if (!sniffImageType(args.bytes)) {
    throw new ApiError('VALIDATION_ERROR', 'the photo must be a JPEG, PNG, WebP or HEIC image', [{ field: 'photo', reason: 'is not a JPEG, PNG, WebP or HEIC image (judged by its bytes)' }]);
  }
  const store = args.store ?? objectStore();
  const key = `meal-photos/${args.patientId}/${args.mealId}/${randomUUID()}`;
  await store.put(key, await encryptPhoto(args.patientId, args.mealId, args.bytes));
  const { count } = await prisma.meal.updateMany({ where, data: { photoKey: key } });
  if (count === 0) {
    await store.delete(key); // deleted meanwhile
    return false;
  }
  if (meal.photoKey && meal.photoKey !== key) await store.delete(meal.photoKey);
  return true;
}

/** The decrypted photo of a meal of the patient's and its type (sniffed again), or null. */
export async function readMealPhoto(args: { patientId: string; mealId: string; store?: ObjectStore }): Promise<{ bytes: Uint8Array; contentType: string; eatenAtMs: number } | null> {
  if (!isUuid(args.mealId)) return null;
  const meal = await prisma.meal.findFirst({ where: { id: args.mealId, userId: args.patientId }, select: { photoKey: true, eatenAt: true } });
  if (!meal?.photoKey) return null;
  const sealed = await (args.store ?? objectStore()).get(meal.photoKey);
  if (!sealed) return null;
  const bytes = await decryptPhoto(args.patientId, args.mealId, sealed);
  const contentType = sniffImageType(bytes);
  return contentType ? { bytes, contentType, eatenAtMs: meal.eatenAt.getTime() } : null;
}
