// FHIR R4 import: a Bundle or a single Observation → samples validated like a device sync. LOINC codes map
// to our types through the catalogue (lib/health), UCUM codes are our unit strings, blood pressure comes
// from its systolic/diastolic components; insulin MedicationAdministrations and carbs Observations are
// read as fhir-doses.ts writes them.
import { findTypeByLoinc, type HealthType } from '../health';
import { isCarbsCode, parseMedicationAdministration } from './fhir-doses';
import { collectReport, isObject, rejected, skipped, validateItem, type ImportReport, type ItemResult, type RawSample } from './import-result';

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const SYSTOLIC_LOINC = '8480-6';
export const DIASTOLIC_LOINC = '8462-4';

// Statuses that say "this is not a measurement": stored, they would be false readings.
const NOT_A_RESULT = new Set(['cancelled', 'entered-in-error', 'registered']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

type Effective = { ok: true; start: string; end: string } | { ok: false; reason: string };

// A date without a time is stamped at 12:00 UTC, which stays on that calendar day in every zone
// from UTC-11 to UTC+12, so the reading lands on the day the source meant.
function fhirDateTime(value: unknown, field: string): { ok: true; iso: string } | { ok: false; reason: string } {
  if (typeof value !== 'string') return { ok: false, reason: `${field} must be a dateTime string` };
  if (DATE_ONLY.test(value)) return { ok: true, iso: `${value}T12:00:00Z` };
  if (/^\d{4}(-\d{2})?$/.test(value)) return { ok: false, reason: `${field} '${value}' is only a year or month, too vague for a sample` };
  return { ok: true, iso: value }; // full date-times are checked by the sample validation
}

function effectiveOf(obs: Record<string, unknown>): Effective {
  const single = obs.effectiveDateTime ?? obs.effectiveInstant;
  if (single !== undefined) {
    const at = fhirDateTime(single, 'effectiveDateTime');
    return at.ok ? { ok: true, start: at.iso, end: at.iso } : at;
  }
  if (isObject(obs.effectivePeriod)) {
    const { start, end } = obs.effectivePeriod;
    const from = fhirDateTime(start ?? end, 'effectivePeriod.start');
    if (!from.ok) return from;
    // A period with only a start is a reading at that start.
    const to = end === undefined ? from : fhirDateTime(end, 'effectivePeriod.end');
    return to.ok ? { ok: true, start: from.iso, end: to.iso } : to;
  }
  return { ok: false, reason: 'needs effectiveDateTime, effectiveInstant or effectivePeriod' };
}

function loincCodes(concept: unknown): string[] {
  if (!isObject(concept) || !Array.isArray(concept.coding)) return [];
  return concept.coding.filter((c): c is { system: string; code: string } => isObject(c) && c.system === LOINC && typeof c.code === 'string').map((c) => c.code);
}

function describeCode(concept: unknown): string {
  const first = isObject(concept) && Array.isArray(concept.coding) ? concept.coding.find(isObject) : undefined;
  if (first) return `code ${String(first.system)}|${String(first.code)} (no LOINC coding)`;
  return isObject(concept) && typeof concept.text === 'string' ? `'${concept.text}' (no LOINC coding)` : 'an Observation without a code';
}

type Quantity = { ok: true; value: number; unit: string } | { ok: false; reason: string };

function quantityOf(holder: Record<string, unknown>, what: string): Quantity {
  const q = holder.valueQuantity;
  if (!isObject(q)) {
    if (holder.valueSampledData !== undefined) return { ok: false, reason: `${what} is SampledData (a waveform), not a single reading` };
    return { ok: false, reason: `${what} has no valueQuantity` };
  }
  if (typeof q.value !== 'number') return { ok: false, reason: `${what} valueQuantity.value must be a number` };
  if (q.comparator !== undefined) return { ok: false, reason: `${what} is a bound ('${String(q.comparator)}'), not an exact reading` };
  // The UCUM code is authoritative; the human-readable unit ("lbs", "beats/minute") is a fallback.
  const unit = q.system === UCUM && typeof q.code === 'string' ? q.code : q.unit;
  if (typeof unit !== 'string') return { ok: false, reason: `${what} valueQuantity has no unit` };
  return { ok: true, value: q.value, unit };
}

function bloodPressure(components: unknown[], base: Omit<RawSample, 'type' | 'value'>, recordId: string | null, nowMs: number): ItemResult {
  const pick = (code: string) => components.find((c) => isObject(c) && loincCodes(c.code).includes(code)) as Record<string, unknown> | undefined;
  const raws: RawSample[] = [];
  for (const [code, type, suffix] of [[SYSTOLIC_LOINC, 'BLOOD_PRESSURE_SYSTOLIC', 'systolic'], [DIASTOLIC_LOINC, 'BLOOD_PRESSURE_DIASTOLIC', 'diastolic']] as const) {
    const component = pick(code);
    if (!component) continue;
    const q = quantityOf(component, `component ${code}`);
    if (!q.ok) return rejected(q.reason);
    raws.push({ ...base, type, value: q.value, unit: q.unit, ...(recordId ? { clientRecordId: `${recordId}:${suffix}` } : {}) });
  }
  if (raws.length === 0) return rejected('blood pressure components carry no systolic or diastolic value');
  return validateItem(raws, nowMs);
}

function observationSamples(obs: Record<string, unknown>, nowMs: number): ItemResult {
  const effective = effectiveOf(obs);
  const codes = loincCodes(obs.code);
  const recordId = typeof obs.id === 'string' && obs.id !== '' ? `fhir:${obs.id}` : null;
  const metadata = { source: 'fhir', loinc: codes[0] ?? null };
  const components = Array.isArray(obs.component) ? obs.component : [];
  const isBp = components.some((c) => isObject(c) && loincCodes(c.code).some((code) => code === SYSTOLIC_LOINC || code === DIASTOLIC_LOINC));
  if (isBp) {
    if (!effective.ok) return rejected(effective.reason);
    return bloodPressure(components, { startDate: effective.start, endDate: effective.end, metadata }, recordId, nowMs);
  }
  const type = isCarbsCode(obs.code) ? 'CARBOHYDRATES' : codes.map(findTypeByLoinc).find((t): t is HealthType => t !== undefined);
  if (!type) {
    if (obs.valueQuantity === undefined && Array.isArray(obs.hasMember)) return rejected('a panel of hasMember references carries no value of its own');
    return rejected(`${codes.length > 0 ? `LOINC ${codes.join(', ')}` : describeCode(obs.code)} is not a supported health type`);
  }
  if (!effective.ok) return rejected(effective.reason);
  const q = quantityOf(obs, 'the Observation');
  if (!q.ok) return rejected(q.reason);
  const raw: RawSample = { type, value: q.value, unit: q.unit, startDate: effective.start, endDate: effective.end, metadata, ...(recordId ? { clientRecordId: recordId } : {}) };
  return validateItem([raw], nowMs);
}

/** One resource: an Observation becomes samples, a cancelled or erroneous one is skipped with that reason. */
export function parseFhirResource(resource: unknown, nowMs: number): ItemResult {
  if (!isObject(resource)) return rejected('a resource must be a JSON object');
  if (resource.resourceType === 'MedicationAdministration') return parseMedicationAdministration(resource, nowMs);
  if (resource.resourceType !== 'Observation') return skipped(`${String(resource.resourceType ?? 'an untyped resource')} is not an Observation`);
  const status = resource.status;
  if (typeof status !== 'string') return rejected('Observation.status is required');
  if (NOT_A_RESULT.has(status)) return skipped(`status '${status}': not a measurement`);
  return observationSamples(resource, nowMs);
}

/** A Bundle (indexes are entry positions) or a single resource (index 0). */
export function parseFhir(input: unknown, nowMs: number): ImportReport {
  if (isObject(input) && input.resourceType === 'Bundle') {
    const entries = Array.isArray(input.entry) ? input.entry : [];
    return collectReport(entries.map((entry) => parseFhirResource(isObject(entry) ? entry.resource : undefined, nowMs)));
  }
  return collectReport([parseFhirResource(input, nowMs)]);
}
