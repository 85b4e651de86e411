// GET /api/v1/users/me/timeline?before=&limit= — the patient's events and notable readings, newest first.
// `before` is the `nextBefore` of the previous page, or an ISO-8601 instant ("what happened before then").
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { decodeTimelineCursor, findTimeline } from '@/lib/data/timeline';
import { route } from '@/lib/http/handler';
import { checkInstant, readInstant } from '@/lib/http/dates';

const timelineQuery = z.object({
  before: z
    .string()
    .max(200)
    .transform((value, ctx) => {
      if (/^\d{4}-/.test(value)) {
        const instant = readInstant(value);
        if (instant.ok) return { atMs: instant.value, key: '' };
        ctx.addIssue({ code: 'custom', message: instant.reason });
        return z.NEVER;
      }
      // A cursor carries a stored item's time: one outside the sane range is not from this API.
      const cursor = decodeTimelineCursor(value);
      if (cursor && checkInstant(cursor.atMs).ok) return cursor;
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
