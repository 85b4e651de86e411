// GET /ns/:siteId/api/v2/authorization/request/:accessToken — a JWT (8 h) for one of the site's access
// tokens, to send as `Authorization: Bearer`; 401 for an unknown or revoked one (cgm-remote-monitor's
// lib/authorization/endpoints.js). The token in the path is never logged nor audited (lib/observability/log.ts).
import { NextResponse } from 'next/server';
import { route } from '@/lib/http/handler';
import { authorizationRequest } from '@/lib/nightscout/authorization';

// A JWT is a credential: never cached (paths under /api/ get no-store from lib/security/headers.ts; this one is under /ns/).
export const GET = route<{ siteId: string; accessToken: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId, accessToken }) =>
  NextResponse.json(await authorizationRequest(req, accessToken, siteId), { headers: { 'Cache-Control': 'no-store' } }),
);
