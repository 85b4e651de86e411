// GET /api/v1/users/me/timeline?before=&limit= — the patient's events and notable readings, newest first.
// `before` is the `nextBefore` of the previous page, or an ISO-8601 instant ("what happened before then").
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { decodeTimelineCursor, findTimeline } from '@/lib/data/timeline';
import { route } from '@/lib/http/handler';
import { parseIsoInstant } from '@/lib/ingest/iso-date';

const timelineQuery = z.object({
  before: z
    .string()
    .max(200)
    .transform((value, ctx) => {
      const instant = parseIsoInstant(value);
      const cursor = instant.ok ? { atMs: instant.ms, key: '' } : decodeTimelineCursor(value);
      if (cursor) return cursor;
      ctx.addIssue({ code: 'custom', message: 'must be a nextBefore from this API or an ISO-8601 instant with an offset' });
      return z.NEVER;
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const GET = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  const q = timelineQuery.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  return NextResponse.json(await findTimeline(await ownScope(caller), q));
});
