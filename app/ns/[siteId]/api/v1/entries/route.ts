// GET /ns/:siteId/api/v1/entries(.json) — sgv and mbg entries read back from our storage, newest first.
// POST — upload entries (one or an array; sgv, mbg, cal); the pipeline runs after the answer.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { findNightscoutEntries } from '@/lib/data/nightscout-entries';
import { ApiError } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { readNightscoutJson } from '@/lib/nightscout/authenticate';
import { authenticateSite } from '@/lib/nightscout/authenticate';
import { STORED_TYPES, toEntry } from '@/lib/nightscout/entries';
import { parseEntryQuery } from '@/lib/nightscout/entry-query';
import { uploadEntries } from '@/lib/nightscout/upload-entries';

// The refused documents ride in a header: the body stays the array clients parse.
const MAX_REJECTIONS_SHOWN = 50;

export const GET = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:entries:read');
  const entries = await findNightscoutEntries(site, parseEntryQuery(req.nextUrl.searchParams, [...STORED_TYPES]));
  return NextResponse.json(entries.map(toEntry));
});

export const POST = route<{ siteId: string }>({ kind: 'device', param: 'siteId' }, async (req, { siteId }) => {
  const site = await authenticateSite(req, siteId, 'api:entries:create');
  const result = await uploadEntries(site, await readNightscoutJson(req), Date.now());
  if (result.accepted > 0) after(() => dispatch([{ key: 'samplesSynced', data: { userId: site.userId } }]));
  if (result.stored.length === 0) throw new ApiError('BAD_REQUEST', 'every entry was refused', result.rejected);
  const headers: Record<string, string> = {};
  if (result.rejected.length > 0) headers['X-Rejected-Entries'] = JSON.stringify(result.rejected.slice(0, MAX_REJECTIONS_SHOWN));
  return NextResponse.json(result.stored, { headers });
});
