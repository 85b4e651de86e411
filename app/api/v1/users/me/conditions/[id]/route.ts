// PATCH | DELETE /api/v1/users/me/conditions/:id — the patient corrects or removes one of their conditions
// (whoever recorded it). Someone else's is not found.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordDeleteResponse, recordUpdateResponse } from '@/lib/http/record-handlers';

export const PATCH = route<{ id: string }>('caller', async (req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  return recordUpdateResponse(req, 'conditions', caller.id, id, caller.id);
});

export const DELETE = route<{ id: string }>('caller', async (_req, { id }) => recordDeleteResponse('conditions', (await requireCaller(['PATIENT'])).id, id));
