// Instant body measurements, all spot checks (dedup.md): weight and body fat keep the latest reading,
// glucose is averaged.
import type { DefinitionsFor } from './health-types';
import { BMI_UNITS, GLUCOSE_UNITS, HEIGHT_UNITS, MASS_UNITS, PERCENT_UNITS } from './units';

const READING_SECONDS = 600;

/**
 * A glucose sample's specimen, where the sample says it, is kept in the plain `category` column (the
 * metadata it came in is encrypted): interstitial (a CGM) or blood (capillary, venous, plasma, serum:
 * a meter or a lab). Dedup never lets the two cancel each other.
 */
export const GLUCOSE_SPECIMENS = { interstitial: 'interstitial', blood: 'blood' } as const;
export type GlucoseSpecimen = (typeof GLUCOSE_SPECIMENS)[keyof typeof GLUCOSE_SPECIMENS];

// Spellings of Open mHealth (specimen_source), Health Connect (specimenSource) and a plain method.
const SPECIMEN_WORDS: Record<string, GlucoseSpecimen> = {
  'interstitial fluid': 'interstitial',
  interstitial: 'interstitial',
  cgm: 'interstitial',
  'capillary blood': 'blood',
  capillary: 'blood',
  'whole blood': 'blood',
  blood: 'blood',
  venous: 'blood',
  plasma: 'blood',
  serum: 'blood',
  fingerstick: 'blood',
  meter: 'blood',
};

/** The specimen named by a sample's metadata (specimen_source, specimenSource, specimen or method), if any. */
export function glucoseSpecimen(metadata: Readonly<Record<string, unknown>> | null | undefined): GlucoseSpecimen | null {
  for (const key of ['specimen_source', 'specimenSource', 'specimen', 'method']) {
    const value = metadata?.[key];
    if (typeof value !== 'string') continue;
    const found = SPECIMEN_WORDS[value.trim().toLowerCase().replace(/[\s_-]+/g, ' ')];
    if (found) return found;
  }
  return null;
}

export const BODY_DEFINITIONS = {
  WEIGHT: {
    type: 'WEIGHT',
    displayName: 'Weight',
    canonicalUnit: 'kg',
    acceptedUnits: MASS_UNITS,
    // Averaging a morning and an evening weigh-in describes neither; the latest is what people track.
    aggregation: 'LATEST',
    dedupKind: 'INSTANT',
    // A scale's app and a platform export can stamp the same weigh-in many minutes apart.
    matchWindowSeconds: 1800,
    instantKind: 'SPOT_CHECK',
    tolerance: { absolute: 0.2, relative: 0 },
    range: { min: 0.5, max: 500 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '29463-7',
    loincAliases: ['3141-9', '3142-7'], // measured; stated
    healthKit: 'HKQuantityTypeIdentifierBodyMass',
  },
  BODY_FAT: {
    type: 'BODY_FAT',
    displayName: 'Body fat',
    canonicalUnit: '%',
    acceptedUnits: PERCENT_UNITS,
    aggregation: 'LATEST',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 1800,
    instantKind: 'SPOT_CHECK',
    tolerance: { absolute: 0.5, relative: 0 },
    range: { min: 1, max: 75 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '41982-0',
    healthKit: 'HKQuantityTypeIdentifierBodyFatPercentage',
  },
  BLOOD_GLUCOSE: {
    type: 'BLOOD_GLUCOSE',
    displayName: 'Blood glucose',
    canonicalUnit: 'mg/dL',
    acceptedUnits: GLUCOSE_UNITS,
    aggregation: 'AVERAGE',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 300,
    instantKind: 'SPOT_CHECK',
    tolerance: { absolute: 2, relative: 0.02 }, // 2 mg/dL or 2 %, whichever is larger
    // Interstitial CGM glucose (every 1–15 min) is not a fingerstick: its own stream, where two uploaders
    // relaying the same sensor reading (a phone app and a bridge) are one reading.
    continuousStream: { matchWindowSeconds: 60, tolerance: { absolute: 2, relative: 0 } },
    range: { min: 10, max: 1000 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '2339-0', // mass/volume in blood
    // Meters, CGMs and labs code glucose by specimen and by mass or moles; all are one type here,
    // told apart by the unit. 15074-8 blood (moles), 2345-7 / 14749-6 serum or plasma (mass / moles),
    // 41653-7 / 14743-9 capillary blood by glucometer (mass / moles).
    loincAliases: ['15074-8', '2345-7', '14749-6', '41653-7', '14743-9'],
    healthKit: 'HKQuantityTypeIdentifierBloodGlucose',
  },
  // Height and BMI arrive from clinical records (a FHIR vital-signs panel) and phones; like weight, the
  // latest reading is what is tracked.
  HEIGHT: {
    type: 'HEIGHT',
    displayName: 'Height',
    canonicalUnit: 'm',
    acceptedUnits: HEIGHT_UNITS,
    aggregation: 'LATEST',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 1800,
    instantKind: 'SPOT_CHECK',
    tolerance: { absolute: 0.01, relative: 0 },
    // A premature newborn to the tallest people recorded.
    range: { min: 0.2, max: 2.75 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '8302-2', // body height
    loincAliases: ['3137-7', '8306-3'], // measured; lying (infants)
    healthKit: 'HKQuantityTypeIdentifierHeight',
  },
  BMI: {
    type: 'BMI',
    displayName: 'Body mass index',
    canonicalUnit: 'kg/m2',
    acceptedUnits: BMI_UNITS,
    aggregation: 'LATEST',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 1800,
    instantKind: 'SPOT_CHECK',
    tolerance: { absolute: 0.1, relative: 0 },
    range: { min: 5, max: 150 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '39156-5', // body mass index (BMI) [ratio]
    healthKit: 'HKQuantityTypeIdentifierBodyMassIndex',
  },
} as const satisfies DefinitionsFor<'WEIGHT' | 'BODY_FAT' | 'BLOOD_GLUCOSE' | 'HEIGHT' | 'BMI'>;
