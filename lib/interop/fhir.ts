// FHIR R4 import: a Bundle or a single Observation → samples validated like a device sync, and lab results.
// LOINC codes map to our types through the catalogue (lib/health), UCUM codes are our unit strings, blood
// pressure comes from its systolic/diastolic components; every other Observation (or component of a panel)
// with a LOINC code and a UCUM quantity is kept as a lab result (lab_results) with its range; what has no
// LOINC code or no quantity (a coded answer, a string) is refused, saying which and why. Insulin
// MedicationAdministrations and carbs Observations are read as fhir-doses.ts writes them; conditions,
// allergies and prescriptions as fhir-record.ts says.
import { findTypeByLoinc, type HealthType } from '../health';
import type { NormalizedSample } from '../ingest/validate-sample';
import { labByLoinc } from '../labs/registry';
import { isCarbsCode, parseMedicationAdministration } from './fhir-doses';
import { parseRecordResource, RECORD_RESOURCE_TYPES } from './fhir-record';
import { collectReport, isObject, rejected, skipped, validateItem, type ImportReport, type ItemResult, type LabObservation, type RawSample } from './import-result';

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

// The value[x] kinds that are not a quantity: named when refusing.
const OTHER_VALUES = ['valueCodeableConcept', 'valueString', 'valueBoolean', 'valueInteger', 'valueRange', 'valueRatio', 'valueSampledData', 'valueTime', 'valueDateTime', 'valuePeriod'];

function isCgmSummary(concept: unknown): boolean {
  return isObject(concept) && Array.isArray(concept.coding) && concept.coding.some((c) => isObject(c) && c.system === CGM_SUMMARY_CODES && c.code === 'cgm-summary');
}
const CGM_SUMMARY_CODES = 'http://hl7.org/fhir/uv/cgm/CodeSystem/cgm-summary-codes-temporary';

function displayOf(concept: unknown, code: string): string {
  if (!isObject(concept)) return code;
  const coding = Array.isArray(concept.coding) ? concept.coding.find((c) => isObject(c) && c.system === LOINC && c.code === code) : undefined;
  if (isObject(coding) && typeof coding.display === 'string' && coding.display.trim() !== '') return coding.display.trim();
  return typeof concept.text === 'string' && concept.text.trim() !== '' ? concept.text.trim() : code;
}

function referenceRangeOf(holder: Record<string, unknown>, fallback: unknown): { referenceLow: number | null; referenceHigh: number | null } {
  const ranges = Array.isArray(holder.referenceRange) ? holder.referenceRange : Array.isArray(fallback) ? fallback : [];
  const range = ranges.find(isObject);
  const bound = (q: unknown) => (isObject(q) && typeof q.value === 'number' && Number.isFinite(q.value) ? q.value : null);
  return { referenceLow: range ? bound(range.low) : null, referenceHigh: range ? bound(range.high) : null };
}

type Part = { kind: 'sample'; raw: RawSample } | { kind: 'lab'; lab: LabObservation } | { kind: 'refused'; reason: string };
type PartContext = { what: string; startIso: string; endIso: string; sourceId: string | null; metadataSource: Record<string, unknown>; parentRange: unknown; nowMs: number };

const FUTURE_SLACK_MS = 24 * 3600_000;
const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

// One coded value (the Observation itself or one of its components) → a health sample when the catalogue
// knows the LOINC code, else a lab result; refused, saying why, without a LOINC code or a quantity.
function quantityPart(holder: Record<string, unknown>, ctx: PartContext): Part {
  const codes = loincCodes(holder.code);
  const refuse = (reason: string): Part => ({ kind: 'refused', reason: `${ctx.what}: ${reason}` });
  if (codes.length === 0) return refuse(`${describeCode(holder.code)}: only LOINC-coded results are kept`);
  const code = codes.find((c) => labByLoinc(c)) ?? codes[0]!;
  const named = `LOINC ${code}`;
  if (holder.valueQuantity === undefined) {
    const other = OTHER_VALUES.find((key) => holder[key] !== undefined);
    if (other === 'valueCodeableConcept') {
      const text = isObject(holder.valueCodeableConcept) && typeof holder.valueCodeableConcept.text === 'string' ? ` ('${holder.valueCodeableConcept.text}')` : '';
      return refuse(`${named} has valueCodeableConcept${text}, a coded answer, not a quantity`);
    }
    if (other) return refuse(`${named} has ${other}, not a quantity (valueQuantity)`);
    if (isObject(holder.dataAbsentReason)) return refuse(`${named} has no value (dataAbsentReason ${JSON.stringify(holder.dataAbsentReason.text ?? holder.dataAbsentReason.coding ?? '')})`);
    return refuse(`${named} has no value (no valueQuantity)`);
  }
  const q = quantityOf(holder, named);
  if (!q.ok) return refuse(q.reason);
  const type = codes.map(findTypeByLoinc).find((t): t is HealthType => t !== undefined);
  if (type) {
    const raw: RawSample = {
      type, value: q.value, unit: q.unit, startDate: ctx.startIso, endDate: ctx.endIso,
      metadata: { ...ctx.metadataSource, loinc: code }, ...(ctx.sourceId ? { clientRecordId: ctx.sourceId } : {}),
    };
    return { kind: 'sample', raw };
  }
  const vq = holder.valueQuantity as Record<string, unknown>;
  if (vq.system !== UCUM || typeof vq.code !== 'string' || vq.code === '') return refuse(`${named} valueQuantity needs a UCUM unit (system ${UCUM} and a code)`);
  if (!Number.isFinite(q.value)) return refuse(`${named} valueQuantity.value must be a finite number`);
  const effectiveMs = Date.parse(ctx.startIso);
  if (!HAS_OFFSET.test(ctx.startIso) || !Number.isFinite(effectiveMs)) return refuse(`effective time '${ctx.startIso}' must be a date-time with a time zone offset`);
  if (effectiveMs > ctx.nowMs + FUTURE_SLACK_MS) return refuse(`effective time '${ctx.startIso}' is in the future`);
  const lab: LabObservation = {
    loinc: code, display: displayOf(holder.code, code), value: q.value, unit: vq.code, ...referenceRangeOf(holder, ctx.parentRange), effectiveMs, sourceId: ctx.sourceId,
  };
  return { kind: 'lab', lab };
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
  if (isCarbsCode(obs.code)) {
    if (!effective.ok) return rejected(effective.reason);
    const q = quantityOf(obs, 'the Observation');
    if (!q.ok) return rejected(q.reason);
    const raw: RawSample = { type: 'CARBOHYDRATES', value: q.value, unit: q.unit, startDate: effective.start, endDate: effective.end, metadata, ...(recordId ? { clientRecordId: recordId } : {}) };
    return validateItem([raw], nowMs);
  }
  const hasOwnValue = obs.valueQuantity !== undefined || OTHER_VALUES.some((key) => obs[key] !== undefined);
  // The HL7 CGM guide's summary (fhir-cgm.ts) only groups its members, which are Observations of their own.
  if (!hasOwnValue && isCgmSummary(obs.code)) return skipped('a CGM summary groups its member Observations, each imported on its own');
  if (!hasOwnValue && components.length === 0 && Array.isArray(obs.hasMember)) return rejected('a panel of hasMember references carries no value of its own (its members are Observations of their own)');
  if (!effective.ok) return rejected(effective.reason);
  const base = { startIso: effective.start, endIso: effective.end, metadataSource: { source: 'fhir' }, parentRange: obs.referenceRange, nowMs };
  const parts: Part[] = [];
  // The Observation's own value, unless it is only the panel its components belong to.
  if (hasOwnValue || components.length === 0) parts.push(quantityPart(obs, { ...base, what: 'the Observation', sourceId: recordId }));
  components.forEach((component, i) => {
    if (!isObject(component)) {
      parts.push({ kind: 'refused', reason: `component ${i + 1}: must be a JSON object` });
      return;
    }
    const code = loincCodes(component.code)[0];
    parts.push(quantityPart(component, { ...base, parentRange: undefined, what: `component ${i + 1}`, sourceId: recordId && code ? `${recordId}:${code}` : null }));
  });
  const samples: NormalizedSample[] = [];
  const labs: LabObservation[] = [];
  const refused: string[] = [];
  for (const part of parts) {
    if (part.kind === 'lab') labs.push(part.lab);
    else if (part.kind === 'refused') refused.push(part.reason);
    else {
      const result = validateItem([part.raw], nowMs);
      if (result.status === 'accepted') samples.push(...result.samples);
      else if (result.status === 'rejected') refused.push(result.reason);
    }
  }
  if (samples.length === 0 && labs.length === 0) return rejected(refused.join('; ') || 'the Observation carries no value');
  return { status: 'accepted', samples, labs, ...(refused.length > 0 ? { refused } : {}) };
}

/**
 * One resource: an Observation becomes samples, a cancelled or erroneous one is skipped with that reason;
 * a Condition, AllergyIntolerance, MedicationRequest or MedicationStatement becomes a row of the record
 * (fhir-record.ts; `fullUrl`, the Bundle entry's, names it when it has no identifier or id).
 */
export function parseFhirResource(resource: unknown, nowMs: number, fullUrl?: unknown): ItemResult {
  if (!isObject(resource)) return rejected('a resource must be a JSON object');
  if (resource.resourceType === 'MedicationAdministration') return parseMedicationAdministration(resource, nowMs);
  if (typeof resource.resourceType === 'string' && RECORD_RESOURCE_TYPES.has(resource.resourceType)) return parseRecordResource(resource, fullUrl);
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
    return collectReport(entries.map((entry) => (isObject(entry) ? parseFhirResource(entry.resource, nowMs, entry.fullUrl) : parseFhirResource(undefined, nowMs))));
  }
  return collectReport([parseFhirResource(input, nowMs)]);
}
