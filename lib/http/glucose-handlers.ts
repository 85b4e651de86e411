// The glucose report endpoints (metrics and AGP), shared by /users/me/glucose/... (own data) and
// /patients/{id}/glucose/... (a carer's or a share reader's view): the period is parsed once here.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import type { ReadScope } from '../data/access';
import { agpAnswer, loadPeriodGlucose, MAX_PERIOD_DAYS, metricsAnswer, resolvePeriod, targetPresetOf, type Period } from '../data/glucose-report';
import { parseDay } from '../time';
import { day } from './dates';
import { ApiError } from './errors';

export const periodQuery = z.object({ from: day.optional(), to: day.optional() });

/** The period asked for: both days included; `from` not after `to`; at most 366 days. */
export function periodOf(req: NextRequest, scope: ReadScope, nowMs = Date.now()): Period {
  const q = periodQuery.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  if (q.from && q.to && q.from > q.to) throw new ApiError('VALIDATION_ERROR', '"from" must not be after "to"', [{ field: 'from', reason: 'is after to' }]);
  const period = resolvePeriod(scope, q, nowMs);
  if (parseDay(period.to) - parseDay(period.from) + 1 > MAX_PERIOD_DAYS) {
    throw new ApiError('VALIDATION_ERROR', `a period is at most ${MAX_PERIOD_DAYS} days`, [{ field: 'from', reason: `must be at most ${MAX_PERIOD_DAYS} days before to` }]);
  }
  return period;
}

export async function glucoseMetricsResponse(req: NextRequest, scope: ReadScope) {
  const now = Date.now();
  const glucose = await loadPeriodGlucose(scope, periodOf(req, scope, now), now);
  return NextResponse.json(metricsAnswer(glucose, await targetPresetOf(scope.patientId)));
}

export async function glucoseAgpResponse(req: NextRequest, scope: ReadScope) {
  const now = Date.now();
  return NextResponse.json(agpAnswer(await loadPeriodGlucose(scope, periodOf(req, scope, now), now)));
}
