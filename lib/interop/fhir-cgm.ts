// FHIR R4 export of what is computed or measured beyond readings:
// - the HL7 CGM implementation guide's summary for a period (http://hl7.org/fhir/uv/cgm, STU 1; codes as
//   its profiles.fsh binds them, checked against the guide's current build): a CGM Summary Observation
//   (code cgm-summary of the guide's temporary code system, the one concept LOINC has not yet published)
//   whose hasMember are the times in ranges panel 106793-3 (very low 104642-4, low 104641-6, target
//   97510-2, high 104640-8, very high 104639-0, in %), mean glucose 97507-8 (mg/dL), GMI 97506-0 (%), CV
//   104638-2 (%), days of wear 104636-6 (d) and sensor active percentage 104637-4 (%); effectivePeriod
//   as the guide asks, start and end dates (YYYY-MM-DD). Computed by metricsAnswer (lib/data/glucose-report).
// - lab results as laboratory Observations, with their reference range and a high/low interpretation.
import type { GlucoseMetricsAnswer } from '../data/glucose-report';
import type { LabAnswer } from '../data/labs';
import type { FhirObservation } from './fhir-export';
import { LOINC, UCUM } from './fhir';

export const CGM_IG = 'http://hl7.org/fhir/uv/cgm';
export const CGM_SUMMARY_SYSTEM = `${CGM_IG}/CodeSystem/cgm-summary-codes-temporary`;
const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
const INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

export const CGM_LOINC = {
  timesInRanges: '106793-3',
  timeInVeryLow: '104642-4',
  timeInLow: '104641-6',
  timeInTarget: '97510-2',
  timeInHigh: '104640-8',
  timeInVeryHigh: '104639-0',
  meanGlucoseMass: '97507-8',
  gmi: '97506-0',
  cv: '104638-2',
  daysOfWear: '104636-6',
  sensorActivePercentage: '104637-4',
} as const;

const laboratory = [{ coding: [{ system: CATEGORY_SYSTEM, code: 'laboratory', display: 'Laboratory' }] }];
const loinc = (code: string, display: string) => ({ coding: [{ system: LOINC, code, display }], text: display });
const percent = (value: number) => ({ value, unit: '%', system: UCUM, code: '%' });

/**
 * The guide's summary Observations for one period of CGM readings; none for meter-only data (no time
 * in ranges, GMI or wear can be computed from spot checks) or a period without readings.
 */
export function cgmSummaryObservations(m: GlucoseMetricsAnswer, patientId: string): FhirObservation[] {
  if (m.source !== 'cgm' || m.ranges === null || m.mean === null || m.gmi === null || m.cv === null || m.activePercent === null) return [];
  const id = (part: string) => `cgm-${part}-${m.from}-${m.to}`;
  const base = (part: string, profile: string) => ({
    resourceType: 'Observation' as const,
    id: id(part),
    meta: { profile: [`${CGM_IG}/StructureDefinition/${profile}`] },
    status: 'final',
    category: laboratory,
    subject: { reference: `Patient/${patientId}` },
    effectivePeriod: { start: m.from, end: m.to },
  });
  const members: FhirObservation[] = [
    {
      ...base('times-in-ranges', 'cgm-summary-times-in-ranges'),
      code: loinc(CGM_LOINC.timesInRanges, 'Continuous glucose monitoring time in ranges panel'),
      component: [
        { code: loinc(CGM_LOINC.timeInVeryLow, 'Time in very low range (< 54 mg/dL)'), valueQuantity: percent(m.ranges.veryLow) },
        { code: loinc(CGM_LOINC.timeInLow, 'Time in low range (54–69 mg/dL)'), valueQuantity: percent(m.ranges.low) },
        { code: loinc(CGM_LOINC.timeInTarget, `Time in target range (${m.targets.low}–${m.targets.high} mg/dL)`), valueQuantity: percent(m.ranges.target) },
        { code: loinc(CGM_LOINC.timeInHigh, 'Time in high range (181–250 mg/dL)'), valueQuantity: percent(m.ranges.high) },
        { code: loinc(CGM_LOINC.timeInVeryHigh, 'Time in very high range (> 250 mg/dL)'), valueQuantity: percent(m.ranges.veryHigh) },
      ],
    },
    {
      ...base('mean-glucose', 'cgm-summary-mean-glucose-mass-per-volume'),
      code: loinc(CGM_LOINC.meanGlucoseMass, 'Mean glucose by continuous glucose monitoring'),
      valueQuantity: { value: m.mean, unit: 'mg/dl', system: UCUM, code: 'mg/dL' },
    },
    { ...base('gmi', 'cgm-summary-gmi'), code: loinc(CGM_LOINC.gmi, 'Glucose management indicator'), valueQuantity: percent(m.gmi) },
    { ...base('cv', 'cgm-summary-coefficient-of-variation'), code: loinc(CGM_LOINC.cv, 'Coefficient of variation of glucose'), valueQuantity: percent(m.cv) },
    {
      ...base('days-of-wear', 'cgm-summary-days-of-wear'),
      code: loinc(CGM_LOINC.daysOfWear, 'Continuous glucose monitoring duration of use'),
      valueQuantity: { value: m.days, unit: 'days', system: UCUM, code: 'd' },
    },
    {
      ...base('sensor-active', 'cgm-summary-sensor-active-percentage'),
      code: loinc(CGM_LOINC.sensorActivePercentage, 'Continuous glucose monitoring sensor active time'),
      valueQuantity: percent(m.activePercent),
    },
  ];
  const summary: FhirObservation = {
    ...base('summary', 'cgm-summary'),
    code: { coding: [{ system: CGM_SUMMARY_SYSTEM, code: 'cgm-summary', display: 'CGM Summary Report' }], text: 'CGM summary' },
    hasMember: members.map((o) => ({ reference: `Observation/${o.id}` })),
  };
  return [summary, ...members];
}

/** One lab result as a laboratory Observation, its range and its flag (H / L) with it. */
export function labObservation(lab: LabAnswer, patientId: string): FhirObservation {
  const range = lab.referenceRange;
  const bound = (value: number | null) => (value === null ? {} : { value, unit: lab.unit, system: UCUM, code: lab.unit });
  return {
    resourceType: 'Observation',
    id: `lab-${lab.id}`,
    status: 'final',
    category: laboratory,
    code: loinc(lab.code, lab.display),
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: lab.effectiveAt,
    valueQuantity: { value: lab.value, unit: lab.unit, system: UCUM, code: lab.unit },
    ...(range
      ? {
          referenceRange: [{
            ...(range.low !== null ? { low: bound(range.low) } : {}),
            ...(range.high !== null ? { high: bound(range.high) } : {}),
            ...(lab.rangeSource === 'standard' ? { text: 'Standard adult reference range (the result came without one)' } : {}),
          }],
        }
      : {}),
    ...(lab.flag ? { interpretation: [{ coding: [{ system: INTERPRETATION_SYSTEM, code: lab.flag === 'high' ? 'H' : 'L', display: lab.flag === 'high' ? 'High' : 'Low' }] }] } : {}),
    ...(lab.note ? { note: [{ text: lab.note }] } : {}),
  } as FhirObservation;
}
