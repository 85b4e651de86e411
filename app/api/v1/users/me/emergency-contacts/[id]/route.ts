// PATCH | DELETE /api/v1/users/me/emergency-contacts/:id — the patient corrects or removes one of their emergency contacts
// (whoever recorded it). Someone else's is not found.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordDeleteResponse, recordUpdateResponse } from '@/lib/http/record-handlers';

export const PATCH = route<{ id: string }>('caller', async (req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  return recordUpdateResponse(req, 'emergency-contacts', caller.id, id, caller.id);
});

export const DELETE = route<{ id: string }>('caller', async (_req, { id }) => recordDeleteResponse('emergency-contacts', (await requireCaller(['PATIENT'])).id, id));
