// GET /ns/:siteId/api/v1/status(.json) — the site's Nightscout status, which uploaders check before they upload.
import { NextResponse } from 'next/server';
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { nightscoutStatus } from '@/lib/nightscout/status';

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  await authenticateSite(req, siteId, 'api:status:read');
  return NextResponse.json(nightscoutStatus({ name: 'Pulse', nowMs: Date.now() }));
});
