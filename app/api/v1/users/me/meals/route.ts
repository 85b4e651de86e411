// GET /api/v1/users/me/meals?from&to — the patient's meals of a period of local days (default the last 14),
// each with its excursion (or why none), and the food–glucose patterns among them.
// POST /api/v1/users/me/meals — the patient records a meal (type, time, carbs, description; the photo
// follows with PUT …/meals/{id}/photo).
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { createMeal, MAX_MEAL_BYTES, mealInputSchema } from '@/lib/data/meals';
import { readJson, route } from '@/lib/http/handler';
import { mealsListResponse } from '@/lib/http/meal-handlers';

export const GET = route('caller', async (req) => mealsListResponse(req, await ownScope(await requireCaller(['PATIENT']))));

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  const input = mealInputSchema.parse((await readJson(req, MAX_MEAL_BYTES)).json);
  return NextResponse.json(await createMeal({ patientId: caller.id, recordedById: caller.id }, input), { status: 201 });
});
