// GET /api/v1/users/me/medications/:medicationId/versions — every version of the medication, oldest first.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { medicationVersionsResponse } from '@/lib/http/medication-handlers';

export const GET = route<{ medicationId: string }>('caller', async (_req, { medicationId }) => medicationVersionsResponse(await ownScope(await requireCaller(['PATIENT'])), medicationId));
