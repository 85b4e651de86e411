// FHIR R4 import of the record beyond measurements (issue 19): Condition, AllergyIntolerance, and
// prescriptions (MedicationRequest, MedicationStatement) → rows of conditions, allergies and medications.
// Each keeps a source id (the resource's first identifier, else ResourceType/id, else the entry's
// fullUrl), unique per patient, so a second import of the same record adds nothing. What was entered in
// error, refuted, cancelled or not taken is skipped, saying so. Pure: no I/O.
//
// Prescriptions, kept simple: the name from medicationCodeableConcept.text (else its first coding's
// display), an RxNorm coding as codeSystem 'RXNORM'; the dose as written (dosage text, else its dose
// quantity); the schedule {kind: 'daily', times} from timing.repeat.timeOfDay, else {kind: 'asNeeded'} when
// asNeededBoolean, else {kind: 'daily', times: []} (a frequency without clock times plans no dose: the
// patient or doctor sets the times); started on authoredOn / effective start, ended on effectivePeriod.end;
// a stopped or completed one is kept as stopped.
import type { AllergyCriticality, AllergySeverity, AllergyStatus, ConditionStatus } from '../generated/prisma/enums';
import { isObject, rejected, skipped, type ItemResult } from './import-result';

export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ICD10_SYSTEMS = ['http://hl7.org/fhir/sid/icd-10', 'http://hl7.org/fhir/sid/icd-10-cm'];
export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';

export type ImportedCondition = { sourceId: string; display: string; codeSystem: 'ICD10' | 'SNOMED' | null; code: string | null; onsetDate: string | null; clinicalStatus: ConditionStatus; note: string | null };
export type ImportedAllergy = {
  sourceId: string; substance: string; codeSystem: 'RXNORM' | 'SNOMED' | null; code: string | null; reaction: string | null;
  severity: AllergySeverity | null; criticality: AllergyCriticality | null; clinicalStatus: AllergyStatus;
};
export type ImportedSchedule = { kind: 'daily'; times: string[] } | { kind: 'asNeeded' };
export type ImportedMedication = {
  sourceId: string; name: string; codeSystem: 'RXNORM' | null; code: string | null; dosage: string | null; schedule: ImportedSchedule;
  startedOn: string; endedOn: string | null; stopped: boolean;
};
export type RecordItem =
  | { kind: 'condition'; condition: ImportedCondition }
  | { kind: 'allergy'; allergy: ImportedAllergy }
  | { kind: 'medication'; medication: ImportedMedication };

const DAY = /^(\d{4}-\d{2}-\d{2})/;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const dayOf = (v: unknown): string | null => DAY.exec(str(v) ?? '')?.[1] ?? null;
const codings = (concept: unknown): Record<string, unknown>[] => (isObject(concept) && Array.isArray(concept.coding) ? concept.coding.filter(isObject) : []);
const firstCode = (concept: unknown): string | null => str(codings(concept)[0]?.code)?.toLowerCase() ?? null;

/** The concept in words: its text, else the first coding's display. */
function wordsOf(concept: unknown): string | null {
  if (!isObject(concept)) return null;
  return str(concept.text) ?? codings(concept).map((c) => str(c.display)).find((d) => d !== null) ?? null;
}

function codeIn(concept: unknown, systems: Record<string, string>): { system: string; code: string } | null {
  for (const c of codings(concept)) {
    const system = typeof c.system === 'string' ? systems[c.system] : undefined;
    const code = str(c.code);
    if (system && code) return { system, code };
  }
  return null;
}

/** The resource's identity across imports: its first identifier, else ResourceType/id, else the entry's fullUrl. */
export function sourceIdOf(resource: Record<string, unknown>, fullUrl?: unknown): string | null {
  const identifier = Array.isArray(resource.identifier) ? resource.identifier.find((i) => isObject(i) && str(i.value)) : undefined;
  if (isObject(identifier)) return `fhir:${str(identifier.system) ?? ''}|${str(identifier.value)}`;
  const id = str(resource.id);
  if (id) return `fhir:${String(resource.resourceType)}/${id}`;
  const url = str(fullUrl);
  return url ? `fhir:${url}` : null;
}

const NOT_REAL = new Set(['entered-in-error', 'refuted']);

function conditionItem(r: Record<string, unknown>, sourceId: string): ItemResult {
  const verification = firstCode(r.verificationStatus);
  if (verification && NOT_REAL.has(verification)) return skipped(`Condition verificationStatus '${verification}'`);
  const display = wordsOf(r.code);
  if (!display) return rejected('Condition.code has no text or display to name the condition');
  const coded = codeIn(r.code, { [SNOMED_SYSTEM]: 'SNOMED', ...Object.fromEntries(ICD10_SYSTEMS.map((s) => [s, 'ICD10'])) });
  const status = (firstCode(r.clinicalStatus) ?? 'active').toUpperCase();
  if (!['ACTIVE', 'RECURRENCE', 'RELAPSE', 'INACTIVE', 'REMISSION', 'RESOLVED'].includes(status)) return rejected(`Condition.clinicalStatus '${status.toLowerCase()}' is not a condition-clinical code`);
  const onset = dayOf(r.onsetDateTime) ?? (isObject(r.onsetPeriod) ? dayOf(r.onsetPeriod.start) : null);
  const notes = Array.isArray(r.note) ? r.note.map((n) => (isObject(n) ? str(n.text) : null)).filter((t): t is string => t !== null) : [];
  const condition: ImportedCondition = {
    sourceId, display, codeSystem: (coded?.system as 'ICD10' | 'SNOMED' | undefined) ?? null, code: coded?.code.toUpperCase() ?? null,
    onsetDate: onset, clinicalStatus: status as ConditionStatus, note: notes.length > 0 ? notes.join('\n').slice(0, 2000) : null,
  };
  return { status: 'accepted', samples: [], records: [{ kind: 'condition', condition }] };
}

const SEVERITIES: AllergySeverity[] = ['MILD', 'MODERATE', 'SEVERE'];

function allergyItem(r: Record<string, unknown>, sourceId: string): ItemResult {
  const verification = firstCode(r.verificationStatus);
  if (verification && NOT_REAL.has(verification)) return skipped(`AllergyIntolerance verificationStatus '${verification}'`);
  const reactions = Array.isArray(r.reaction) ? r.reaction.filter(isObject) : [];
  // Without a code, the substance of the first reaction names it.
  const concept = r.code ?? reactions.map((x) => x.substance).find((s) => s !== undefined);
  const substance = wordsOf(concept);
  if (!substance) return rejected('AllergyIntolerance.code has no text or display to name the substance');
  const coded = codeIn(concept, { [SNOMED_SYSTEM]: 'SNOMED', [RXNORM_SYSTEM]: 'RXNORM' });
  const status = (firstCode(r.clinicalStatus) ?? 'active').toUpperCase();
  if (!['ACTIVE', 'INACTIVE', 'RESOLVED'].includes(status)) return rejected(`AllergyIntolerance.clinicalStatus '${status.toLowerCase()}' is not an allergyintolerance-clinical code`);
  const criticality = str(r.criticality)?.toUpperCase().replace(/-/g, '_') ?? null;
  if (criticality && !['LOW', 'HIGH', 'UNABLE_TO_ASSESS'].includes(criticality)) return rejected(`AllergyIntolerance.criticality '${String(r.criticality)}' is not low, high or unable-to-assess`);
  // The worst severity of any reaction (the record must not look calmer than its worst reaction).
  const severity = reactions.map((x) => str(x.severity)?.toUpperCase()).filter((s): s is AllergySeverity => SEVERITIES.includes(s as AllergySeverity))
    .sort((a, b) => SEVERITIES.indexOf(b) - SEVERITIES.indexOf(a))[0] ?? null;
  const manifestations = reactions.flatMap((x) => [
    ...(Array.isArray(x.manifestation) ? x.manifestation.map(wordsOf) : []),
    str(x.description),
  ]).filter((t): t is string => t !== null);
  const allergy: ImportedAllergy = {
    sourceId, substance, codeSystem: (coded?.system as 'RXNORM' | 'SNOMED' | undefined) ?? null, code: coded?.code ?? null,
    reaction: manifestations.length > 0 ? [...new Set(manifestations)].join('; ').slice(0, 500) : null, severity,
    criticality: criticality as AllergyCriticality | null, clinicalStatus: status as AllergyStatus,
  };
  return { status: 'accepted', samples: [], records: [{ kind: 'allergy', allergy }] };
}

const NOT_TAKEN = new Set(['entered-in-error', 'cancelled', 'not-taken', 'draft']);
const STOPPED = new Set(['stopped', 'completed']);
const TIME = /^(\d{2}):(\d{2})/;

function scheduleOf(dosage: Record<string, unknown> | undefined): ImportedSchedule {
  const repeat = isObject(dosage?.timing) && isObject(dosage.timing.repeat) ? dosage.timing.repeat : undefined;
  const times = Array.isArray(repeat?.timeOfDay) ? repeat.timeOfDay.map((t) => TIME.exec(str(t) ?? '')).filter((m): m is RegExpExecArray => m !== null).map((m) => `${m[1]}:${m[2]}`) : [];
  if (times.length > 0) return { kind: 'daily', times: [...new Set(times)].sort() };
  if (dosage?.asNeededBoolean === true || dosage?.asNeededCodeableConcept !== undefined) return { kind: 'asNeeded' };
  return { kind: 'daily', times: [] };
}

function doseOf(dosage: Record<string, unknown> | undefined): string | null {
  const written = str(dosage?.text);
  if (written) return written.slice(0, 200);
  const rate = Array.isArray(dosage?.doseAndRate) ? dosage.doseAndRate.find(isObject) : undefined;
  const q = isObject(rate) && isObject(rate.doseQuantity) ? rate.doseQuantity : undefined;
  return q && typeof q.value === 'number' ? `${q.value}${str(q.unit) ? ` ${str(q.unit)}` : ''}` : null;
}

function medicationItem(r: Record<string, unknown>, sourceId: string): ItemResult {
  const type = String(r.resourceType);
  const status = str(r.status);
  if (status && NOT_TAKEN.has(status)) return skipped(`${type} status '${status}'`);
  if (!isObject(r.medicationCodeableConcept)) return rejected(`${type} needs medicationCodeableConcept (a medicationReference to a Medication resource is not read)`);
  const name = wordsOf(r.medicationCodeableConcept);
  if (!name) return rejected(`${type}.medicationCodeableConcept has no text or display to name the medication`);
  const rx = codeIn(r.medicationCodeableConcept, { [RXNORM_SYSTEM]: 'RXNORM' });
  const dosages = (type === 'MedicationRequest' ? r.dosageInstruction : r.dosage) as unknown;
  const dosage = Array.isArray(dosages) ? dosages.find(isObject) : undefined;
  const period = isObject(r.effectivePeriod) ? r.effectivePeriod : undefined;
  const startedOn = type === 'MedicationRequest' ? dayOf(r.authoredOn) ?? dayOf(period?.start) : dayOf(period?.start) ?? dayOf(r.effectiveDateTime) ?? dayOf(r.dateAsserted);
  if (!startedOn) return rejected(`${type} needs a start (${type === 'MedicationRequest' ? 'authoredOn' : 'effectivePeriod.start or effectiveDateTime'})`);
  const endedOn = dayOf(period?.end);
  if (endedOn && endedOn < startedOn) return rejected(`${type} ends (${endedOn}) before it starts (${startedOn})`);
  const medication: ImportedMedication = {
    sourceId, name: name.slice(0, 200), codeSystem: rx ? 'RXNORM' : null, code: rx?.code ?? null, dosage: doseOf(dosage), schedule: scheduleOf(dosage),
    startedOn, endedOn, stopped: status !== null && STOPPED.has(status),
  };
  return { status: 'accepted', samples: [], records: [{ kind: 'medication', medication }] };
}

export const RECORD_RESOURCE_TYPES = new Set(['Condition', 'AllergyIntolerance', 'MedicationRequest', 'MedicationStatement']);

/** One record resource (its type in RECORD_RESOURCE_TYPES) → its row, or why it is skipped or refused. */
export function parseRecordResource(resource: Record<string, unknown>, fullUrl?: unknown): ItemResult {
  const sourceId = sourceIdOf(resource, fullUrl);
  if (!sourceId) return rejected(`${String(resource.resourceType)} needs an id, an identifier or a fullUrl, to be imported once`);
  if (resource.resourceType === 'Condition') return conditionItem(resource, sourceId);
  if (resource.resourceType === 'AllergyIntolerance') return allergyItem(resource, sourceId);
  return medicationItem(resource, sourceId);
}
