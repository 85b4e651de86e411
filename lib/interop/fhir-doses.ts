// Insulin and carbohydrates in FHIR R4. LOINC has no code for a delivered dose nor for one meal's carbs
// (lib/health), so neither is a LOINC Observation:
// - insulin is a MedicationAdministration (what HL7's Personal Health Record format IG profiles for
//   insulin doses): status completed, the medication as text (the product is not known), the dose in UCUM
//   [iU], a delivery over an interval as effectivePeriod with its rate, and the kind (bolus, SMB, temp
//   basal…) as dosage.method, coded in our own code system and named in text;
// - carbs are an Observation coded with the same IG's patient-generated-data code `dietaryCarbohydrates`
//   (category social-history, as its nutrition example), value in g.
// The import reads both back, so exporting a patient and importing the file gives the same doses.
import { getHealthType, INSULIN_KINDS } from '../health';
import { isObject, rejected, skipped, validateItem, type ItemResult, type RawSample } from './import-result';

export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
export const PGHD_CODES = 'http://hl7.org/fhir/uv/phr/CodeSystem/observation-pghd-codes';
export const CARBS_CODING = { system: PGHD_CODES, code: 'dietaryCarbohydrates', display: 'Carbohydrates' } as const;
/** Our code system for the kind of insulin delivery: the catalogue's kinds (lib/health INSULIN_KINDS). */
export const INSULIN_KIND_SYSTEM = 'urn:pulse:insulin-delivery-kind';
const ADMIN_CATEGORY = 'http://terminology.hl7.org/CodeSystem/medication-admin-category';

const KIND_NAMES: Readonly<Record<string, string>> = {
  bolus: 'Bolus',
  correction: 'Correction bolus',
  smb: 'Super micro bolus (SMB)',
  temp_basal: 'Temporary basal',
  basal: 'Basal',
};

export type DoseSample = { id: string; startMs: number; endMs: number; value: number; category?: string | null };
export type FhirMedicationAdministration = Record<string, unknown> & { resourceType: 'MedicationAdministration'; id: string };

export function insulinAdministration(sample: DoseSample, patientId: string): FhirMedicationAdministration {
  const start = new Date(sample.startMs).toISOString();
  const interval = sample.endMs > sample.startMs;
  const kind = sample.category && KIND_NAMES[sample.category] ? sample.category : null;
  const hours = (sample.endMs - sample.startMs) / 3_600_000;
  return {
    resourceType: 'MedicationAdministration',
    id: sample.id,
    status: 'completed',
    // Given at home, by the patient or their pump: not in a hospital.
    category: { coding: [{ system: ADMIN_CATEGORY, code: 'community' }] },
    medicationCodeableConcept: { text: 'Insulin' },
    subject: { reference: `Patient/${patientId}` },
    ...(interval ? { effectivePeriod: { start, end: new Date(sample.endMs).toISOString() } } : { effectiveDateTime: start }),
    dosage: {
      text: `${kind ? KIND_NAMES[kind] : 'Insulin'}: ${sample.value} U${interval ? ` over ${Math.round(hours * 60)} min` : ''}`,
      ...(kind ? { method: { coding: [{ system: INSULIN_KIND_SYSTEM, code: kind, display: KIND_NAMES[kind] }], text: KIND_NAMES[kind] } } : {}),
      dose: { value: sample.value, unit: 'U', system: UCUM_SYSTEM, code: '[iU]' },
      ...(interval ? { rateQuantity: { value: sample.value / hours, unit: 'U/h', system: UCUM_SYSTEM, code: '[iU]/h' } } : {}),
    },
  };
}

/** The carbs Observation's code and category (the rest is every Observation's shape). */
export function carbsCode() {
  return { code: { coding: [{ ...CARBS_CODING }], text: 'Carbohydrate intake' }, category: 'social-history' };
}

export function isCarbsCode(concept: unknown): boolean {
  return isObject(concept) && Array.isArray(concept.coding) && concept.coding.some((c) => isObject(c) && c.system === PGHD_CODES && c.code === CARBS_CODING.code);
}

// A MedicationAdministration is an insulin dose when its medication says insulin (text or a coding's display).
function isInsulin(resource: Record<string, unknown>): boolean {
  const concept = resource.medicationCodeableConcept;
  if (!isObject(concept)) return false;
  const words = [concept.text, ...(Array.isArray(concept.coding) ? concept.coding.map((c) => (isObject(c) ? c.display : undefined)) : [])];
  return words.some((w) => typeof w === 'string' && /insulin/i.test(w));
}

function timeOf(resource: Record<string, unknown>): { start: string; end: string } | null {
  if (typeof resource.effectiveDateTime === 'string') return { start: resource.effectiveDateTime, end: resource.effectiveDateTime };
  const period = resource.effectivePeriod;
  if (isObject(period) && typeof period.start === 'string') return { start: period.start, end: typeof period.end === 'string' ? period.end : period.start };
  return null;
}

/** An insulin MedicationAdministration → one INSULIN sample; other medications are skipped, not refused. */
export function parseMedicationAdministration(resource: Record<string, unknown>, nowMs: number): ItemResult {
  if (!isInsulin(resource)) return skipped('a MedicationAdministration of something other than insulin is not a health sample here');
  if (resource.status !== 'completed') return skipped(`status '${String(resource.status)}': not a completed dose`);
  const when = timeOf(resource);
  if (!when) return rejected('an insulin MedicationAdministration needs effectiveDateTime or effectivePeriod.start');
  const dosage = isObject(resource.dosage) ? resource.dosage : {};
  const dose = isObject(dosage.dose) ? dosage.dose : null;
  if (!dose || typeof dose.value !== 'number') return rejected('an insulin MedicationAdministration needs dosage.dose with a value');
  const unit = dose.system === UCUM_SYSTEM && typeof dose.code === 'string' ? dose.code : dose.unit;
  if (typeof unit !== 'string') return rejected('dosage.dose has no unit');
  const method = isObject(dosage.method) && Array.isArray(dosage.method.coding) ? dosage.method.coding : [];
  const kind = method.find((c) => isObject(c) && c.system === INSULIN_KIND_SYSTEM && (INSULIN_KINDS as readonly unknown[]).includes(c.code));
  const recordId = typeof resource.id === 'string' && resource.id !== '' ? `fhir:${resource.id}` : null;
  const raw: RawSample = {
    type: getHealthType('INSULIN').type,
    value: dose.value,
    unit,
    startDate: when.start,
    endDate: when.end,
    metadata: { source: 'fhir' },
    ...(recordId ? { clientRecordId: recordId } : {}),
    ...(isObject(kind) && typeof kind.code === 'string' ? { category: kind.code } : {}),
  };
  return validateItem([raw], nowMs);
}
