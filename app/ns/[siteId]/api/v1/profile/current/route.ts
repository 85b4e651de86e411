// GET /ns/:siteId/api/v1/profile/current(.json) — the newest profile document (by startDate), or null,
// as cgm-remote-monitor's lib/api/profile answers it.
import { NextResponse } from 'next/server';
import { findDocuments } from '@/lib/data/nightscout-documents';
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { toV1 } from '@/lib/nightscout/documents';

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:profile:read');
  const [latest] = await findDocuments(site, 'profile', { limit: 1 });
  return NextResponse.json(latest ? toV1(latest) : null);
});
