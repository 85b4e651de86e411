// GET /api/v1/users/me/summary — the caller's own data.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { summaryResponse } from '@/lib/http/read-handlers';

export const GET = route('caller', async (req) => summaryResponse(req, await ownScope(await requireCaller())));
