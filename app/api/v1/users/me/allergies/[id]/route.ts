// PATCH | DELETE /api/v1/users/me/allergies/:id — the patient corrects or removes one of their allergies
// (whoever recorded it). Someone else's is not found.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordDeleteResponse, recordUpdateResponse } from '@/lib/http/record-handlers';

export const PATCH = route<{ id: string }>('caller', async (req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  return recordUpdateResponse(req, 'allergies', caller.id, id, caller.id);
});

export const DELETE = route<{ id: string }>('caller', async (_req, { id }) => recordDeleteResponse('allergies', (await requireCaller(['PATIENT'])).id, id));
