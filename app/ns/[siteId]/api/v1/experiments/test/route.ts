// GET /ns/:siteId/api/v1/experiments/test(.json) — the authenticated no-op cgm-remote-monitor serves; clients call it to check their secret.
import { NextResponse } from 'next/server';
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  await authenticateSite(req, siteId, 'authorization:debug:test');
  return NextResponse.json({ status: 'ok' });
});
