// The three read endpoints, shared by /users/me/... (own data) and /patients/{id}/... (a carer's view):
// parse the query once here, then call the scoped data functions. Aggregates and the summary of
// complete periods answer conditionally (./conditional.ts); samples come as rows or as columns.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { findAggregates, findDailySummary, hasPendingRecompute, type Period } from '../data/aggregates';
import { allowedTypes, type ReadScope } from '../data/access';
import { decodeCursor, findSampleColumns, findSamples } from '../data/samples';
import { HEALTH_TYPES, type HealthType } from '../health';
import { addDays, localDate, monthStart, weekStart } from '../time';
import { conditionalJson } from './conditional';
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
  format: z.enum(['rows', 'columns'], { message: 'must be rows or columns' }).default('rows'),
});

export async function samplesResponse(req: NextRequest, scope: ReadScope) {
  const q = samplesQuery.parse(query(req));
  const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  // A cursor carries a stored sample's start: one outside the sane range is not from this API.
  if (cursor === null || (cursor && !checkInstant(cursor.startMs).ok)) throw new ApiError('VALIDATION_ERROR', 'invalid cursor', [{ field: 'cursor', reason: 'is not a cursor from this API' }]);
  const read = { type: q.type, fromMs: q.from, toMs: q.to, limit: q.limit, cursor };
  if (q.format === 'rows') return NextResponse.json(await findSamples(scope, read));
  // Columns share one type and unit, so the type is named.
  if (!q.type) throw new ApiError('VALIDATION_ERROR', 'format=columns needs a type', [{ field: 'type', reason: 'is required with format=columns' }]);
  return NextResponse.json(await findSampleColumns(scope, { ...read, type: q.type }));
}

/** The days a period's buckets span: a week or month reaching past `to` is still open until it ends. */
function bucketDays(period: Period, fromDay: string, toDay: string): { fromDay: string; toDay: string } {
  if (period === 'WEEK') return { fromDay: weekStart(fromDay), toDay: addDays(weekStart(toDay), 6) };
  if (period === 'MONTH') return { fromDay: monthStart(fromDay), toDay: addDays(monthStart(addDays(monthStart(toDay), 31)), -1) };
  return { fromDay, toDay };
}

/**
 * Complete: every day of the answer is before the patient's today (today's buckets still fill) and the
 * pipeline has nothing pending on them for these types (it may still recompute them).
 */
async function isComplete(scope: ReadScope, types: readonly HealthType[], days: { fromDay: string; toDay: string }): Promise<boolean> {
  if (days.toDay >= localDate(Date.now(), scope.timeZone)) return false;
  return !(await hasPendingRecompute(scope.patientId, allowedTypes(scope, types), days));
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
  const answer = await findAggregates(scope, { types: q.types, period: q.period, fromDay, toDay });
  return conditionalJson(req, answer, await isComplete(scope, q.types, bucketDays(q.period, fromDay, toDay)));
}

export const summaryQuery = z.object({ date: day.optional() });

export async function summaryResponse(req: NextRequest, scope: ReadScope) {
  const q = summaryQuery.parse(query(req));
  const answer = await findDailySummary(scope, q.date);
  return conditionalJson(req, answer, await isComplete(scope, HEALTH_TYPES, { fromDay: answer.date, toDay: answer.date }));
}
