// GET | POST /api/v1/users/me/emergency-contacts — the patient's own emergency contacts (name, relation, phone, in the order to call them): the list, and adding one.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordCreateResponse, recordListResponse, recordReadScope } from '@/lib/http/record-handlers';

export const GET = route('caller', async () => recordListResponse('emergency-contacts', await recordReadScope(await requireCaller(['PATIENT']))));

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  return recordCreateResponse(req, 'emergency-contacts', caller.id, caller.id);
});
