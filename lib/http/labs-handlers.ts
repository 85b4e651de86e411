// The lab results endpoints, shared by /users/me/labs (the patient's own) and /patients/{id}/labs (a
// linked doctor, or a caregiver with view permission; shares do not cover labs): the query (code, from,
// to as the patient's local days, both included) is parsed once here.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { requireFullScope, type ReadScope } from '../data/access';
import { createLabResult, labInput, listLabResults } from '../data/labs';
import { isLoincCode, knownLabs } from '../labs/registry';
import { zonedDayRangeUtc } from '../time';
import { day } from './dates';
import { ApiError } from './errors';
import { readJson } from './handler';

const labQuery = z
  .object({
    code: z.string().refine(isLoincCode, 'must be a LOINC code with its check digit, e.g. 4548-4').optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();

export async function labsListResponse(req: NextRequest, scope: ReadScope) {
  requireFullScope(scope);
  const params = Object.fromEntries([...req.nextUrl.searchParams.entries()].filter(([k]) => k !== 'share'));
  const q = labQuery.parse(params);
  if (q.from && q.to && q.from > q.to) throw new ApiError('VALIDATION_ERROR', '"from" must not be after "to"', [{ field: 'from', reason: 'is after to' }]);
  const results = await listLabResults(scope, {
    code: q.code,
    fromMs: q.from ? zonedDayRangeUtc(q.from, scope.timeZone).startMs : undefined,
    toMs: q.to ? zonedDayRangeUtc(q.to, scope.timeZone).endMs : undefined,
  });
  return NextResponse.json({ results, labs: knownLabs() });
}

export async function labCreateResponse(req: NextRequest, scope: ReadScope, recorderId: string) {
  requireFullScope(scope);
  const input = labInput.parse((await readJson(req, 8 * 1024)).json);
  return NextResponse.json(await createLabResult(scope, recorderId, input), { status: 201 });
}
