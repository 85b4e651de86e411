// GET | POST /api/v1/users/me/questionnaires/responses — the patient's own questionnaire responses
// (current ones, newest first, each with its score, band and change; ?questionnaire=gad7), and answering one.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { responseCreateResponse, responsesListResponse } from '@/lib/questionnaires/handlers';

export const GET = route('caller', async (req) => responsesListResponse(req, await ownScope(await requireCaller(['PATIENT']))));

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  return responseCreateResponse(req, await ownScope(caller), caller.id);
});
