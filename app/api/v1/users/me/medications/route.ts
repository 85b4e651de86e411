// GET | POST /api/v1/users/me/medications — the patient's medications (active and upcoming first, each with
// its next planned doses) and adding one of their own (over the counter: never marked critical by them).
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { medicationCreateResponse, medicationsListResponse } from '@/lib/http/medication-handlers';

export const GET = route('caller', async () => medicationsListResponse(await ownScope(await requireCaller(['PATIENT']))));

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  return medicationCreateResponse(req, caller, await ownScope(caller));
});
