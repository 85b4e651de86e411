// GET | POST /api/v1/users/me/labs — the patient's own lab results (?code=<LOINC>&from&to: local days,
// newest first, each flagged low/high from its reference range, HbA1c beside the GMI of the 90 days
// before it), and entering one result.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { labCreateResponse, labsListResponse } from '@/lib/http/labs-handlers';

export const GET = route('caller', async (req) => labsListResponse(req, await ownScope(await requireCaller(['PATIENT']))));

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  return labCreateResponse(req, await ownScope(caller), caller.id);
});
