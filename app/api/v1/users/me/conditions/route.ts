// GET | POST /api/v1/users/me/conditions — the patient's own conditions (diagnoses with an optional ICD-10 or SNOMED CT code, onset, status): the list, and adding one.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordCreateResponse, recordListResponse, recordReadScope } from '@/lib/http/record-handlers';

export const GET = route('caller', async () => recordListResponse('conditions', await recordReadScope(await requireCaller(['PATIENT']))));

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  return recordCreateResponse(req, 'conditions', caller.id, caller.id);
});
