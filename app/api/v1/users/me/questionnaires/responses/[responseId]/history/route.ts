// GET /api/v1/users/me/questionnaires/responses/:responseId/history — every version of a response of the
// patient's (the original, its corrections, a retraction), oldest first.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { responseHistoryResponse } from '@/lib/questionnaires/handlers';

export const GET = route<{ responseId: string }>('caller', async (_req, { responseId }) => {
  const caller = await requireCaller(['PATIENT']);
  return responseHistoryResponse(caller.id, responseId);
});
