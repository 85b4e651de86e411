// The three read endpoints, shared by /users/me/... (own data) and /patients/{id}/... (a carer's view):
// parse the query once here, then call the scoped data functions.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { findAggregates, findDailySummary } from '../data/aggregates';
import type { ReadScope } from '../data/access';
import { decodeCursor, findSamples } from '../data/samples';
import { HEALTH_TYPES } from '../health';
import { addDays, localDate } from '../time';
import { checkInstant, day, instant } from './dates';
import { ApiError } from './errors';

export const healthType = z.enum(HEALTH_TYPES, { message: 'is not a known health type' });

function query(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}

export const samplesQuery = z.object({
  type: healthType.optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  cursor: z.string().max(200).optional(),
});

export async function samplesResponse(req: NextRequest, scope: ReadScope) {
  const q = samplesQuery.parse(query(req));
  const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  // A cursor carries a stored sample's start: one outside the sane range is not from this API.
  if (cursor === null || (cursor && !checkInstant(cursor.startMs).ok)) throw new ApiError('VALIDATION_ERROR', 'invalid cursor', [{ field: 'cursor', reason: 'is not a cursor from this API' }]);
  return NextResponse.json(await findSamples(scope, { type: q.type, fromMs: q.from, toMs: q.to, limit: q.limit, cursor }));
}

export const aggregatesQuery = z.object({
  types: z
    .string()
    .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(healthType).min(1).max(HEALTH_TYPES.length)),
  period: z.enum(['hour', 'day', 'week', 'month']).transform((p) => p.toUpperCase() as 'HOUR' | 'DAY' | 'WEEK' | 'MONTH'),
  from: day.optional(),
  to: day.optional(),
});

export async function aggregatesResponse(req: NextRequest, scope: ReadScope) {
  const q = aggregatesQuery.parse(query(req));
  const today = localDate(Date.now(), scope.timeZone);
  const toDay = q.to ?? today;
  const fromDay = q.from ?? addDays(today, -30); // calendar days: 30 of them across a DST change too
  if (fromDay > toDay) throw new ApiError('VALIDATION_ERROR', '"from" must not be after "to"', [{ field: 'from', reason: 'is after to' }]);
  return NextResponse.json(await findAggregates(scope, { types: q.types, period: q.period, fromDay, toDay }));
}

export const summaryQuery = z.object({ date: day.optional() });

export async function summaryResponse(req: NextRequest, scope: ReadScope) {
  const q = summaryQuery.parse(query(req));
  return NextResponse.json(await findDailySummary(scope, q.date));
}
