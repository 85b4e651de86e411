// GET /api/v1/users/me/export?format=csv|fhir&kind=samples|daily&types=STEPS,...&from=YYYY-MM-DD&to=YYYY-MM-DD
// — the caller's own data as a download, streamed: the readings that count after dedup (CSV, or a FHIR R4
// Bundle of vital-signs Observations, insulin doses as MedicationAdministrations, lab results and the HL7 CGM
// guide's summary of the period), or the daily aggregates
// (CSV). Days are the caller's local days.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { ownScope } from '@/lib/data/access';
import { exportDailyAggregates, exportReadings } from '@/lib/data/export';
import { exportClinicalObservations } from '@/lib/data/labs';
import { exportRecordResources } from '@/lib/data/record';
import { findDisplayUnits } from '@/lib/data/aggregates';
import { displayUnit } from '@/lib/format/health';
import { HEALTH_TYPES, isCategoryType, type HealthType } from '@/lib/health';
import { day } from '@/lib/http/dates';
import { ApiError } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { healthType } from '@/lib/http/read-handlers';
import { textStream } from '@/lib/http/stream';
import { dailyAggregatesCsv, samplesCsv } from '@/lib/interop/csv';
import { fhirBundleJson } from '@/lib/interop/fhir-export';

const MAX_DAYS = 366 * 10;

const exportQuery = z.object({
  format: z.enum(['csv', 'fhir'], { message: 'must be csv or fhir' }),
  kind: z.enum(['samples', 'daily'], { message: 'must be samples or daily' }).default('samples'),
  types: z
    .string()
    .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(healthType).min(1).max(HEALTH_TYPES.length))
    .optional(),
  from: day,
  to: day,
});

export const GET = route({ caller: true, always: true }, async (req: NextRequest) => {
  const caller = await requireCaller(['PATIENT']);
  const q = exportQuery.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  if (q.from > q.to) throw new ApiError('VALIDATION_ERROR', '"from" must not be after "to"', [{ field: 'from', reason: 'is after to' }]);
  if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_DAYS) {
    throw new ApiError('VALIDATION_ERROR', 'range too long', [{ field: 'to', reason: `at most ${MAX_DAYS} days after from` }]);
  }
  if (q.format === 'fhir' && q.kind === 'daily') {
    throw new ApiError('VALIDATION_ERROR', 'FHIR exports carry readings', [{ field: 'kind', reason: 'must be samples for format fhir' }]);
  }
  const scope = await ownScope(caller);
  const types: HealthType[] = q.types ?? HEALTH_TYPES.filter((t) => t !== 'SLEEP_STATE');
  const prefs = await findDisplayUnits(caller.id);
  const units = Object.fromEntries(types.filter((t) => !isCategoryType(t)).map((t) => [t, displayUnit(t, prefs).unit]));
  const name = `pulse-${q.kind}-${q.from}-${q.to}`;
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

  if (q.format === 'fhir') {
    const clinical = async () => [...(await exportClinicalObservations(scope, q.from, q.to, types.includes('BLOOD_GLUCOSE'))), ...(await exportRecordResources(caller.id))];
    const body = fhirBundleJson(exportReadings(scope, types, q.from, q.to), { patientId: caller.id, nowMs: Date.now() }, clinical);
    return new Response(textStream(body), {
      headers: { ...headers, 'Content-Type': 'application/fhir+json; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.fhir.json"` },
    });
  }
  const csv =
    q.kind === 'daily'
      ? dailyAggregatesCsv(exportDailyAggregates(scope, types, q.from, q.to), { timeZone: scope.timeZone, units })
      : samplesCsv(exportReadings(scope, types, q.from, q.to), { timeZone: scope.timeZone, units });
  return new Response(textStream(csv), {
    headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
  });
});
