// GET /ns/:siteId/api/v1/status(.json) — the site's Nightscout status, which uploaders check before they
// upload: for any credential of the site (every role may read it). With `?token=<access token>` it also
// carries `authorized`, the JWT answer of /api/v2/authorization/request, as cgm-remote-monitor's lib/api/status.js.
import { NextResponse } from 'next/server';
import { route } from '@/lib/http/handler';
import { authenticateSiteCredential } from '@/lib/nightscout/authenticate';
import { authorizationFor } from '@/lib/nightscout/authorization';
import { nightscoutStatus } from '@/lib/nightscout/status';

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const credential = await authenticateSiteCredential(req, siteId, 'api:status:read');
  const viaToken = credential.kind === 'token' && req.nextUrl.searchParams.get('token') !== null;
  const authorized = viaToken ? await authorizationFor(credential.site, credential.token) : null;
  return NextResponse.json({ ...nightscoutStatus({ name: 'Pulse', nowMs: Date.now() }), authorized });
});
