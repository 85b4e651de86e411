// GET /ns/:siteId/api/v1/verifyauth(.json) — "is my secret right?", answered as cgm-remote-monitor does for an admin secret.
import { NextResponse } from 'next/server';
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  await authenticateSite(req, siteId, 'api:status:read');
  return NextResponse.json({
    status: 200,
    message: { canRead: true, canWrite: true, isAdmin: true, message: 'OK', rolefound: 'FOUND', permissions: 'ROLE' },
  });
});
