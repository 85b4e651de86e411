// GET /api/v1/patients/:patientId/meals?from&to — the patient's meals with their excursions and patterns, for
// a doctor or caregiver (with view) of the patient, or within a share covering carbohydrates and glucose
// (?share=<id> picks one); 404 otherwise.
// POST /api/v1/patients/:patientId/meals — a caregiver with can_log_data records a meal for the patient
// (recorded as them; an Idempotency-Key is honoured); anyone else gets 404 before the body is read.
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { caregiverEntryTarget } from '@/lib/data/entries';
import { route } from '@/lib/http/handler';
import { mealCreateResponse, mealsListResponse } from '@/lib/http/meal-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) =>
  mealsListResponse(req, await patientScope(await requireCaller(), patientId, { shareId: req.nextUrl.searchParams.get('share') })),
);

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) =>
  mealCreateResponse(req, await caregiverEntryTarget(await requireCaller(), patientId)),
);
