// GET /api/v1/users/me/questionnaires/due — what the patient's doctors asked them to answer that is due
// today (their local date; none answered since it fell due), and their active schedules.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { dueResponse } from '@/lib/questionnaires/handlers';

export const GET = route('caller', async () => dueResponse(await ownScope(await requireCaller(['PATIENT']))));
