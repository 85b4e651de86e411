// FHIR R4 export: samples → Observations following the vital-signs profile (category, LOINC code, UCUM
// valueQuantity, subject, effective time; blood pressure as one panel with two components), insulin doses
// as MedicationAdministrations and carbs as Observations with a non-LOINC code (fhir-doses.ts), wrapped in
// a Bundle. Streams: resources are produced sample by sample, only unpaired BP halves are held.
import { getHealthType, type HealthType } from '../health';
import { DIASTOLIC_LOINC, LOINC, SYSTOLIC_LOINC, UCUM } from './fhir';
import { carbsCode, insulinAdministration, type FhirMedicationAdministration } from './fhir-doses';
import type { FhirRecordResource } from './fhir-record-export';

export type ExportSample = { id: string; type: HealthType; startMs: number; endMs: number; value: number; category?: string | null };
export type FhirObservation = Record<string, unknown> & { resourceType: 'Observation'; id: string };
export type FhirResource = FhirObservation | FhirMedicationAdministration | FhirRecordResource;
export type BundleOptions = { patientId: string; bundleType?: 'collection' | 'searchset'; nowMs: number };

export const BP_PANEL_LOINC = '85354-9';
const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
const PROFILE = 'http://hl7.org/fhir/StructureDefinition/';

// The R4 vital-signs profiles that exist for our types; others carry the generic one or none.
const PROFILES: Partial<Record<HealthType, string>> = {
  HEART_RATE: 'heartrate', RESTING_HEART_RATE: 'vitalsigns', RESPIRATORY_RATE: 'resprate', OXYGEN_SATURATION: 'oxygensat',
  BODY_TEMPERATURE: 'bodytemp', WEIGHT: 'bodyweight', HEIGHT: 'bodyheight', BMI: 'bmi', BLOOD_PRESSURE_SYSTOLIC: 'vitalsigns', BLOOD_PRESSURE_DIASTOLIC: 'vitalsigns',
};
const CATEGORIES: Partial<Record<HealthType, string>> = {
  STEPS: 'activity', DISTANCE: 'activity', ACTIVE_ENERGY: 'activity', SLEEP_ANALYSIS: 'activity', BLOOD_GLUCOSE: 'laboratory', BODY_FAT: 'exam',
};
// UCUM spellings of our canonical units where they differ ('count/min' is not UCUM).
const UCUM_CODES: Readonly<Record<string, string>> = { 'count/min': '/min', count: '{steps}' };

function coding(type: HealthType) {
  const { loinc, displayName } = getHealthType(type);
  const codings = [{ system: LOINC, code: loinc as string, display: displayName }];
  // The R4 oxygensat profile requires 2708-6; pulse oximetry's own code follows it.
  if (type === 'OXYGEN_SATURATION') codings.unshift({ system: LOINC, code: '2708-6', display: 'Oxygen saturation in Arterial blood' });
  return { coding: codings, text: displayName };
}

function quantity(type: HealthType, value: number) {
  const unit = getHealthType(type).canonicalUnit;
  return { value, unit, system: UCUM, code: UCUM_CODES[unit] ?? unit };
}

function effective(sample: ExportSample) {
  const start = new Date(sample.startMs).toISOString();
  return sample.startMs === sample.endMs ? { effectiveDateTime: start } : { effectivePeriod: { start, end: new Date(sample.endMs).toISOString() } };
}

function observation(sample: ExportSample, patientId: string, body: Record<string, unknown>, profileType: HealthType, categoryCode?: string): FhirObservation {
  const profile = PROFILES[profileType];
  const category = categoryCode ?? CATEGORIES[profileType] ?? 'vital-signs';
  return {
    resourceType: 'Observation',
    id: sample.id,
    ...(profile ? { meta: { profile: [PROFILE + profile] } } : {}),
    status: 'final',
    category: [{ coding: [{ system: CATEGORY_SYSTEM, code: category }] }],
    ...body,
    subject: { reference: `Patient/${patientId}` },
    ...effective(sample),
  } as FhirObservation;
}

function bloodPressurePanel(systolic: ExportSample, diastolic: ExportSample, patientId: string): FhirObservation {
  const component = (sample: ExportSample, code: string) => ({
    code: { coding: [{ system: LOINC, code, display: getHealthType(sample.type).displayName }] },
    valueQuantity: quantity(sample.type, sample.value),
  });
  const panel = observation(systolic, patientId, {
    code: { coding: [{ system: LOINC, code: BP_PANEL_LOINC, display: 'Blood pressure panel with all children optional' }], text: 'Blood pressure' },
    component: [component(systolic, SYSTOLIC_LOINC), component(diastolic, DIASTOLIC_LOINC)],
  }, 'BLOOD_PRESSURE_SYSTOLIC');
  return { ...panel, id: `bp-${systolic.id}`, meta: { profile: [`${PROFILE}bp`] } };
}

/**
 * Turns samples into resources one at a time. A systolic and a diastolic reading with the same
 * interval become one BP panel; a half without its partner is exported alone under its own code.
 * Insulin and carbs have their own shapes (fhir-doses.ts). Other types without a LOINC code (sleep
 * stages, menstrual flow, workouts) are counted in `skipped`.
 */
export function createObservationWriter(patientId: string) {
  const pendingBp = new Map<string, ExportSample>();
  const state = { skipped: 0 };
  const single = (sample: ExportSample) => observation(sample, patientId, { code: coding(sample.type), valueQuantity: quantity(sample.type, sample.value) }, sample.type);
  return {
    state,
    push(sample: ExportSample): FhirResource[] {
      if (sample.type === 'INSULIN') return [insulinAdministration(sample, patientId)];
      if (sample.type === 'CARBOHYDRATES') {
        const { code, category } = carbsCode();
        return [observation(sample, patientId, { code, valueQuantity: quantity(sample.type, sample.value) }, sample.type, category)];
      }
      if (getHealthType(sample.type).loinc === null) {
        state.skipped += 1;
        return [];
      }
      const isSystolic = sample.type === 'BLOOD_PRESSURE_SYSTOLIC';
      if (!isSystolic && sample.type !== 'BLOOD_PRESSURE_DIASTOLIC') return [single(sample)];
      const key = `${sample.startMs}:${sample.endMs}`;
      const partner = pendingBp.get(key);
      if (!partner || partner.type === sample.type) {
        if (partner) return [single(sample)]; // a second systolic at the same instant: keep the first waiting
        pendingBp.set(key, sample);
        return [];
      }
      pendingBp.delete(key);
      return [isSystolic ? bloodPressurePanel(sample, partner, patientId) : bloodPressurePanel(partner, sample, patientId)];
    },
    flush(): FhirObservation[] {
      const rest = [...pendingBp.values()].map(single);
      pendingBp.clear();
      return rest;
    },
  };
}

function bundleHeader(options: BundleOptions) {
  return { resourceType: 'Bundle', type: options.bundleType ?? 'collection', timestamp: new Date(options.nowMs).toISOString() };
}

function entry(resource: FhirResource, options: BundleOptions) {
  return options.bundleType === 'searchset' ? { resource, search: { mode: 'match' } } : { resource };
}

/** The whole Bundle as an object; for small exports and tests. */
export function buildFhirBundle(samples: Iterable<ExportSample>, options: BundleOptions) {
  const writer = createObservationWriter(options.patientId);
  const resources: FhirResource[] = [];
  for (const sample of samples) resources.push(...writer.push(sample));
  resources.push(...writer.flush());
  const total = options.bundleType === 'searchset' ? { total: resources.length } : {};
  return { bundle: { ...bundleHeader(options), ...total, entry: resources.map((r) => entry(r, options)) }, skipped: writer.state.skipped };
}

/** The Bundle as JSON text chunks, for a streamed download of any size. */
export async function* fhirBundleJson(
  samples: AsyncIterable<ExportSample> | Iterable<ExportSample>,
  options: BundleOptions,
  /** Resources after the readings (lab results, the CGM summary: fhir-cgm.ts; the record: fhir-record-export.ts). */
  more?: () => Promise<FhirResource[]>,
): AsyncGenerator<string> {
  const writer = createObservationWriter(options.patientId);
  const header = JSON.stringify(bundleHeader(options));
  yield `${header.slice(0, -1)},"entry":[`;
  let first = true;
  const emit = (resources: FhirResource[]) => resources.map((r) => {
    const text = (first ? '' : ',') + JSON.stringify(entry(r, options));
    first = false;
    return text;
  }).join('');
  for await (const sample of samples) {
    const text = emit(writer.push(sample));
    if (text) yield text;
  }
  const rest = emit(writer.flush());
  yield `${rest}${more ? emit(await more()) : ''}]}`;
}
