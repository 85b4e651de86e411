// PATCH | DELETE /api/v1/users/me/questionnaires/responses/:responseId — the patient corrects a response
// (a new response supersedes it: 201 with the new one) or retracts it; the old one stays in the history.
// Another patient's response is "not found".
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { responseCorrectResponse, responseRetractResponse } from '@/lib/questionnaires/handlers';

export const PATCH = route<{ responseId: string }>('caller', async (req, { responseId }) => {
  const caller = await requireCaller(['PATIENT']);
  return responseCorrectResponse(req, caller.id, caller.id, responseId);
});

export const DELETE = route<{ responseId: string }>('caller', async (_req, { responseId }) => {
  const caller = await requireCaller(['PATIENT']);
  return responseRetractResponse(caller.id, caller.id, responseId);
});
