// GET /api/v1/users/me/meals?from&to — the patient's meals of a period of local days (default the last 14),
// each with its excursion (or why none), and the food–glucose patterns among them.
// POST /api/v1/users/me/meals — the patient records a meal (type, time, carbs, description; the photo
// follows with PUT …/meals/{id}/photo). An Idempotency-Key makes a resend (the offline app after a lost
// answer) answer again instead of recording the meal twice.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { ownEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';
import { mealCreateResponse, mealsListResponse } from '@/lib/http/meal-handlers';

export const GET = route('caller', async (req) => mealsListResponse(req, await ownScope(await requireCaller(['PATIENT']))));

export const POST = route('caller', async (req) => mealCreateResponse(req, await ownEntryTarget(await requireCaller(['PATIENT']))));
