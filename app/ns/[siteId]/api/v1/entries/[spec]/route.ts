// GET /ns/:siteId/api/v1/entries/:spec(.json) — `sgv`, `mbg` or `cal` entries, or `current` (the newest
// sgv), as followers (xDrip+ in follower mode, watch faces) read them; the same filters as /entries.
import { NextResponse } from 'next/server';
import { findNightscoutEntries } from '@/lib/data/nightscout-entries';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { toEntry } from '@/lib/nightscout/entries';
import { parseEntryQuery } from '@/lib/nightscout/entry-query';

export const GET = route<{ siteId: string; spec: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId, spec }) => {
  const site = await authenticateSite(req, siteId, 'api:entries:read');
  if (spec === 'cal') return NextResponse.json([]); // calibrations are acknowledged, not kept (lib/nightscout/entries.ts)
  if (spec !== 'sgv' && spec !== 'mbg' && spec !== 'current') throw notFound('entry');
  const query = parseEntryQuery(req.nextUrl.searchParams, [spec === 'mbg' ? 'mbg' : 'sgv']);
  const entries = await findNightscoutEntries(site, spec === 'current' ? { ...query, count: 1 } : query);
  return NextResponse.json(entries.map(toEntry));
});
