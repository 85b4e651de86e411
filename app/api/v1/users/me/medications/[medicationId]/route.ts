// GET | PATCH /api/v1/users/me/medications/:medicationId — one of the patient's medications; a change is a
// new version. The patient changes what they added themselves and may stop any (`{"stopped": true}`).
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { medicationWriter } from '@/lib/data/medications';
import { route } from '@/lib/http/handler';
import { medicationPatchResponse, medicationResponse } from '@/lib/http/medication-handlers';

export const GET = route<{ medicationId: string }>('caller', async (_req, { medicationId }) => medicationResponse(await ownScope(await requireCaller(['PATIENT'])), medicationId));

export const PATCH = route<{ medicationId: string }>('caller', async (req, { medicationId }) => {
  const caller = await requireCaller(['PATIENT']);
  return medicationPatchResponse(req, medicationWriter(caller, await ownScope(caller)), medicationId);
});
