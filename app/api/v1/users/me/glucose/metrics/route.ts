// GET /api/v1/users/me/glucose/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD — the consensus glucose metrics (time in ranges, mean, GMI, SD, CV, CGM active %) of a period of local days, or structured testing for meter-only data (own data; default the last 14 days).
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { glucoseMetricsResponse } from '@/lib/http/glucose-handlers';

export const GET = route('caller', async (req) => glucoseMetricsResponse(req, await ownScope(await requireCaller())));
