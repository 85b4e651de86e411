// GET /api/v1/users/me/glucose/agp?from=YYYY-MM-DD&to=YYYY-MM-DD — the Ambulatory Glucose Profile: percentiles per 15-minute slot of the local day (own data; default the last 14 days).
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { glucoseAgpResponse } from '@/lib/http/glucose-handlers';

export const GET = route('caller', async (req) => glucoseAgpResponse(req, await ownScope(await requireCaller())));
