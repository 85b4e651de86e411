// Lab results and the other LOINC-coded clinical observations of a patient (lab_results): entered by the
// patient or their doctor, or imported from a FHIR record. Labs the product understands (lib/labs/registry)
// are stored in their canonical unit and flagged from the standard range when the source gave none; other
// results are kept as the source wrote them, flagged only from their own range. The free-text note is
// encrypted with the patient's data key, bound to its row. Each HbA1c is answered beside the GMI of the
// 90 days before it, when CGM readings cover enough of them.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { decryptField, encryptField } from '../crypto/fields';
import { prisma } from '../db/client';
import { ApiError } from '../http/errors';
import type { LabObservation } from '../interop/import-result';
import { flagOf, HBA1C, isLoincCode, labByLoinc, toLabCanonical, type Flag, type LabDefinition, type Range } from '../labs/registry';
import { cgmMetrics } from '../pipeline/glucose-metrics';
import { roundTo } from '../health/precision';
import { addDays, localDate, zonedDayRangeUtc } from '../time';
import type { ReadScope } from './access';
import { loadPeriodGlucose, MAX_PERIOD_DAYS, metricsAnswer, targetPresetOf } from './glucose-report';
import { cgmSummaryObservations, labObservation } from '../interop/fhir-cgm';
import type { FhirObservation } from '../interop/fhir-export';

const noteRef = (rowId: string) => ({ table: 'lab_results', column: 'note', rowId });

/** The 90 days before an HbA1c: red cells live about three months. */
export const GMI_WINDOW_DAYS = 90;
/**
 * Enough CGM for a GMI beside an HbA1c: readings covering at least 10 days of the 90 (the consensus asks
 * 14 days at ≥ 70 % wear, 9.8 days of readings, before a GMI represents a patient's glucose).
 */
export const GMI_MIN_COVERED_DAYS = 10;
const DAY_MS = 86_400_000;

export const labInput = z
  .object({
    code: z.string({ error: 'must be a LOINC code, e.g. 4548-4' }).trim().refine(isLoincCode, 'must be a LOINC code with its check digit, e.g. 4548-4'),
    display: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    value: z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number'),
    unit: z.string({ error: 'must be a UCUM unit, e.g. %' }).trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters').optional(),
    referenceLow: z.number({ error: 'must be a number' }).nullable().optional(),
    referenceHigh: z.number({ error: 'must be a number' }).nullable().optional(),
    effectiveAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone offset' }),
    note: z.string({ error: 'must be text' }).max(2000, 'must be at most 2000 characters').optional(),
  })
  .strict();
export type LabInput = z.output<typeof labInput>;

export type GmiBeside = {
  from: string;
  to: string;
  /** GMI %, null when CGM readings cover too little of the 90 days (`reason` says how little). */
  gmi: number | null;
  meanMgdl: number | null;
  coveredDays: number;
  activePercent: number;
  /** The days looked at and the CGM coverage a GMI needs (GMI_WINDOW_DAYS, GMI_MIN_COVERED_DAYS), for a page to word `reason`. */
  windowDays: number;
  minCoveredDays: number;
  /** Why there is no GMI, in English (the API's text). */
  reason: string | null;
};

export type LabAnswer = {
  id: string;
  code: string;
  display: string;
  /** The lab's key when the product understands it (hba1c, ldl…), else null. */
  lab: string | null;
  value: number;
  unit: string;
  referenceRange: Range | null;
  /** Where the range comes from: the result's source, the standard range of a known lab, or none. */
  rangeSource: 'source' | 'standard' | null;
  flag: Flag;
  effectiveAt: string;
  source: string;
  recordedById: string | null;
  note: string | null;
  /** HbA1c only: the GMI of the 90 days before it. */
  gmi?: GmiBeside;
};

function fail(field: string, reason: string): never {
  throw new ApiError('VALIDATION_ERROR', `${field} ${reason}`, [{ field, reason }]);
}

type Normalized = { loinc: string; display: string; value: number; unit: string; referenceLow: number | null; referenceHigh: number | null };

/** A known lab's value and range in its canonical unit; null when the unit is not one it accepts. */
function canonicalOf(lab: LabDefinition, r: Omit<Normalized, 'display' | 'loinc'>) {
  const value = toLabCanonical(lab, r.value, r.unit);
  if (!value.ok) return null;
  const convert = (v: number | null) => (v === null ? null : (toLabCanonical(lab, v, r.unit) as { value: number }).value);
  return { value: value.value, unit: value.unit, referenceLow: convert(r.referenceLow), referenceHigh: convert(r.referenceHigh) };
}

/** Validates an entered result (fields named in each refusal) and brings a known lab to its canonical unit. */
export function normalizeLabInput(input: LabInput, nowMs: number): Normalized & { effectiveAt: Date } {
  const lab = labByLoinc(input.code);
  const effectiveMs = Date.parse(input.effectiveAt);
  if (effectiveMs > nowMs + 5 * 60_000) fail('effectiveAt', 'must not be in the future');
  if (effectiveMs < Date.UTC(1900, 0, 1)) fail('effectiveAt', 'must be 1900 or later');
  const low = input.referenceLow ?? null;
  const high = input.referenceHigh ?? null;
  if (low !== null && high !== null && low > high) fail('referenceLow', 'must not be above referenceHigh');
  if (!lab) {
    if (!input.display) fail('display', `is required for LOINC ${input.code}, which the product does not know by name`);
    if (!input.unit) fail('unit', `is required for LOINC ${input.code} (a UCUM unit)`);
    return { loinc: input.code, display: input.display, value: input.value, unit: input.unit, referenceLow: low, referenceHigh: high, effectiveAt: new Date(effectiveMs) };
  }
  const unit = input.unit ?? lab.canonicalUnit;
  const canonical = canonicalOf(lab, { value: input.value, unit, referenceLow: low, referenceHigh: high });
  if (!canonical) fail('unit', (toLabCanonical(lab, input.value, unit) as { reason: string }).reason);
  if (canonical.value < lab.plausible.min || canonical.value > lab.plausible.max) {
    fail('value', `must be between ${lab.plausible.min} and ${lab.plausible.max} ${lab.canonicalUnit} for ${lab.name} (got ${roundTo(canonical.value, 2)} ${lab.canonicalUnit})`);
  }
  return { loinc: input.code, display: input.display ?? lab.name, ...canonical, effectiveAt: new Date(effectiveMs) };
}

/** Enters one result for `patientId`, recorded by `recorderId` (the patient or their doctor). */
export async function createLabResult(scope: ReadScope, recorderId: string, input: LabInput, nowMs = Date.now()): Promise<LabAnswer> {
  const n = normalizeLabInput(input, nowMs);
  const id = randomUUID();
  const note = input.note?.trim() ? await encryptField(scope.patientId, noteRef(id), input.note.trim()) : null;
  const created = await prisma.labResult.createManyAndReturn({
    data: [{ id, userId: scope.patientId, loincCode: n.loinc, display: n.display, value: n.value, unit: n.unit, referenceLow: n.referenceLow, referenceHigh: n.referenceHigh, effectiveAt: n.effectiveAt, source: 'app', recordedById: recorderId, note }],
    skipDuplicates: true,
  });
  if (created.length === 0) throw new ApiError('CONFLICT', `a ${n.display} result at ${n.effectiveAt.toISOString()} is already recorded`, [{ field: 'effectiveAt', reason: 'a result of this code at this time exists' }]);
  const [answer] = await answers(scope, created);
  return answer!;
}

/**
 * Stores a FHIR import's lab results: known labs in their canonical unit (as the source wrote them when
 * its unit is not one the lab accepts), the rest as given. A result already stored (same code and time)
 * is a duplicate: a re-import changes nothing.
 */
export async function storeImportedLabs(userId: string, importId: string | null, labs: readonly LabObservation[]): Promise<{ accepted: number; duplicates: number }> {
  if (labs.length === 0) return { accepted: 0, duplicates: 0 };
  const data = labs.map((l) => {
    const lab = labByLoinc(l.loinc);
    const canonical = lab ? canonicalOf(lab, l) : null;
    return {
      userId, loincCode: l.loinc, display: l.display.slice(0, 200), value: l.value, unit: l.unit, referenceLow: l.referenceLow, referenceHigh: l.referenceHigh,
      ...canonical, effectiveAt: new Date(l.effectiveMs), source: 'fhir', sourceId: l.sourceId, importId,
    };
  });
  const { count } = await prisma.labResult.createMany({ data, skipDuplicates: true });
  return { accepted: count, duplicates: labs.length - count };
}

export type LabQuery = { code?: string; fromMs?: number; toMs?: number; limit?: number; /** HbA1c beside its GMI (default true). */ withGmi?: boolean };

/** A patient's results, newest first, with flags (and the GMI beside each HbA1c). */
export async function listLabResults(scope: ReadScope, q: LabQuery = {}): Promise<LabAnswer[]> {
  const lab = q.code ? labByLoinc(q.code) : undefined;
  const codes = q.code ? (lab ? [lab.loinc, ...lab.loincAliases] : [q.code]) : undefined;
  const rows = await prisma.labResult.findMany({
    where: {
      userId: scope.patientId,
      ...(codes ? { loincCode: { in: codes } } : {}),
      ...(q.fromMs !== undefined || q.toMs !== undefined ? { effectiveAt: { ...(q.fromMs !== undefined ? { gte: new Date(q.fromMs) } : {}), ...(q.toMs !== undefined ? { lt: new Date(q.toMs) } : {}) } } : {}),
    },
    orderBy: [{ effectiveAt: 'desc' }, { loincCode: 'asc' }],
    take: Math.min(q.limit ?? 1000, 1000),
  });
  return answers(scope, rows, q.withGmi ?? true);
}

/** Results by id, for the timeline (no GMI: the labs page shows it). */
export async function labAnswersByIds(scope: ReadScope, ids: readonly string[]): Promise<Map<string, LabAnswer>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.labResult.findMany({ where: { userId: scope.patientId, id: { in: [...ids] } } });
  return new Map((await answers(scope, rows, false)).map((a) => [a.id, a]));
}

type Row = { id: string; userId: string; loincCode: string; display: string; value: number; unit: string; referenceLow: number | null; referenceHigh: number | null; effectiveAt: Date; source: string; recordedById: string | null; note: string | null };

async function answers(scope: ReadScope, rows: readonly Row[], withGmi = true): Promise<LabAnswer[]> {
  const out: LabAnswer[] = [];
  // GMIs for the newest HbA1c results only: each loads 90 days of glucose.
  let gmis = 0;
  for (const r of rows) {
    const lab = labByLoinc(r.loincCode);
    const own = r.referenceLow !== null || r.referenceHigh !== null ? { low: r.referenceLow, high: r.referenceHigh } : null;
    // The standard range applies only when the value is in the lab's canonical unit.
    const standard = !own && lab && r.unit === lab.canonicalUnit ? lab.standardRange : null;
    const range = own ?? standard;
    const answer: LabAnswer = {
      id: r.id, code: r.loincCode, display: r.display, lab: lab?.key ?? null,
      value: lab && r.unit === lab.canonicalUnit ? roundTo(r.value, lab.decimals + 1) : r.value, unit: r.unit,
      referenceRange: range, rangeSource: own ? 'source' : standard ? 'standard' : null, flag: flagOf(r.value, range),
      effectiveAt: r.effectiveAt.toISOString(), source: r.source, recordedById: r.recordedById,
      note: r.note ? await decryptField(r.userId, noteRef(r.id), r.note) : null,
    };
    if (withGmi && lab === HBA1C && scope.types === 'ALL' && gmis < 24) {
      gmis++;
      answer.gmi = await gmiBefore(scope, r.effectiveAt.getTime());
    }
    out.push(answer);
  }
  return out;
}

/** The GMI of the 90 local days before the day of an HbA1c (that day excluded), with how much CGM covered. */
export async function gmiBefore(scope: ReadScope, atMs: number, nowMs = Date.now()): Promise<GmiBeside> {
  const day = localDate(atMs, scope.timeZone);
  const period = { from: addDays(day, -GMI_WINDOW_DAYS), to: addDays(day, -1) };
  const glucose = await loadPeriodGlucose(scope, period, nowMs);
  const m = cgmMetrics(glucose.cgm, glucose.fromMs, glucose.endMs, { timeZone: scope.timeZone });
  const coveredDays = m ? roundTo(m.coveredMs / DAY_MS, 1) : 0;
  const activePercent = m ? roundTo(m.activePercent, 1) : 0;
  const bounds = { windowDays: GMI_WINDOW_DAYS, minCoveredDays: GMI_MIN_COVERED_DAYS };
  if (!m || m.coveredMs < GMI_MIN_COVERED_DAYS * DAY_MS) {
    return {
      ...period, gmi: null, meanMgdl: null, coveredDays, activePercent, ...bounds,
      reason: `CGM readings cover ${coveredDays} of the ${GMI_WINDOW_DAYS} days before this HbA1c; a GMI needs at least ${GMI_MIN_COVERED_DAYS} days of readings.`,
    };
  }
  return { ...period, gmi: roundTo(m.gmi, 1), meanMgdl: roundTo(m.mean, 1), coveredDays, activePercent, ...bounds, reason: null };
}

/**
 * A FHIR export's clinical part for the local days from..to: the lab results of those days as laboratory
 * Observations and, with glucose, the CGM summary of the period (its last 366 days when longer).
 */
export async function exportClinicalObservations(scope: ReadScope, from: string, to: string, withGlucose: boolean, nowMs = Date.now()): Promise<FhirObservation[]> {
  const labs = await listLabResults(scope, { fromMs: zonedDayRangeUtc(from, scope.timeZone).startMs, toMs: zonedDayRangeUtc(to, scope.timeZone).endMs, withGmi: false });
  const out = labs.map((lab) => labObservation(lab, scope.patientId));
  if (withGlucose) {
    const start = addDays(to, -(MAX_PERIOD_DAYS - 1));
    const period = { from: from > start ? from : start, to };
    const glucose = await loadPeriodGlucose(scope, period, nowMs);
    out.push(...cgmSummaryObservations(metricsAnswer(glucose, await targetPresetOf(scope.patientId)), scope.patientId));
  }
  return out;
}
