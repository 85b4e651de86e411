// GET /api/v1/users/me/samples — the caller's own data.
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { samplesResponse } from '@/lib/http/read-handlers';

export const GET = route('caller', async (req) => samplesResponse(req, await ownScope(await requireCaller())));
