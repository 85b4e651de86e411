// GET | POST /api/v1/users/me/allergies — the patient's own allergies (substance, reaction, severity, criticality; dangerous ones first): the list, and adding one.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordCreateResponse, recordListResponse, recordReadScope } from '@/lib/http/record-handlers';

export const GET = route('caller', async () => recordListResponse('allergies', await recordReadScope(await requireCaller(['PATIENT']))));

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  return recordCreateResponse(req, 'allergies', caller.id, caller.id);
});
