// GET /api/v1/users/me/medications/adherence — the patient's adherence over 7, 14 and 30 days (planned doses
// taken, late apart, skipped and missed apart) and streaks, overall and per medication.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { adherenceResponse } from '@/lib/http/medication-handlers';

export const GET = route('caller', async () => adherenceResponse(await ownScope(await requireCaller(['PATIENT']))));
