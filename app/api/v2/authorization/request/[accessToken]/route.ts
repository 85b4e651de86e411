// GET /api/v2/authorization/request/:accessToken — the same JWT answer at the root of the host, where
// AndroidAPS asks for it whatever its Nightscout URL's path (nssdk NightscoutAuthRefreshService.kt's path is
// absolute): the token alone names its site (found by its hash). The token is never logged nor audited.
import { NextResponse } from 'next/server';
import { route } from '@/lib/http/handler';
import { authorizationRequest } from '@/lib/nightscout/authorization';

export const GET = route<{ accessToken: string }>('device', async (req, { accessToken }) => NextResponse.json(await authorizationRequest(req, accessToken, null)));
