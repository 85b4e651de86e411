// Instant vital signs, averaged per bucket. Match windows, kinds and tolerances are dedup.md's.
import type { DefinitionsFor } from './health-types';
import { BREATH_RATE_UNITS, HEART_RATE_UNITS, PERCENT_UNITS, PRESSURE_UNITS, TEMPERATURE_UNITS } from './units';

// A reading may be reported over a short measuring interval (a cuff inflation, a watch's sampling
// window); anything longer is not one reading.
const READING_SECONDS = 600;

// dedup.md: 2 mmHg on both halves. Systolic and diastolic are separate types, deduplicated one type at
// a time, so each half is held to 2 mmHg on its own: a copy of 120/80 drops both halves; 142/91 keeps
// both; 121/90 keeps its diastolic but not its systolic (which agrees with the 120).
const BP_TOLERANCE = { absolute: 2, relative: 0 };

export const VITALS_DEFINITIONS = {
  HEART_RATE: {
    type: 'HEART_RATE',
    displayName: 'Heart rate',
    canonicalUnit: 'count/min',
    acceptedUnits: HEART_RATE_UNITS,
    aggregation: 'AVERAGE',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 60,
    instantKind: 'CONTINUOUS',
    range: { min: 20, max: 300 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '8867-4',
    loincAliases: ['8889-8'], // heart rate by pulse oximeter
    healthKit: 'HKQuantityTypeIdentifierHeartRate',
  },
  RESTING_HEART_RATE: {
    type: 'RESTING_HEART_RATE',
    displayName: 'Resting heart rate',
    canonicalUnit: 'count/min',
    acceptedUnits: HEART_RATE_UNITS,
    aggregation: 'AVERAGE',
    dedupKind: 'INSTANT',
    // Platforms compute it about once a day, at different moments; an hour pairs the same estimate.
    matchWindowSeconds: 3600,
    instantKind: 'CONTINUOUS',
    range: { min: 20, max: 200 },
    // Apple and Health Connect stamp the estimate with the span it was computed over, up to a day.
    maxDurationSeconds: 86_400,
    loinc: '40443-4',
    healthKit: 'HKQuantityTypeIdentifierRestingHeartRate',
  },
  BLOOD_PRESSURE_SYSTOLIC: {
    type: 'BLOOD_PRESSURE_SYSTOLIC',
    displayName: 'Systolic blood pressure',
    canonicalUnit: 'mm[Hg]',
    acceptedUnits: PRESSURE_UNITS,
    aggregation: 'AVERAGE',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 300,
    instantKind: 'SPOT_CHECK',
    tolerance: BP_TOLERANCE,
    range: { min: 40, max: 300 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '8480-6',
    healthKit: 'HKQuantityTypeIdentifierBloodPressureSystolic',
  },
  BLOOD_PRESSURE_DIASTOLIC: {
    type: 'BLOOD_PRESSURE_DIASTOLIC',
    displayName: 'Diastolic blood pressure',
    canonicalUnit: 'mm[Hg]',
    acceptedUnits: PRESSURE_UNITS,
    aggregation: 'AVERAGE',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 300,
    instantKind: 'SPOT_CHECK',
    tolerance: BP_TOLERANCE,
    range: { min: 20, max: 200 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '8462-4',
    healthKit: 'HKQuantityTypeIdentifierBloodPressureDiastolic',
  },
  OXYGEN_SATURATION: {
    type: 'OXYGEN_SATURATION',
    displayName: 'Oxygen saturation',
    canonicalUnit: '%',
    acceptedUnits: PERCENT_UNITS,
    aggregation: 'AVERAGE',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 60,
    instantKind: 'CONTINUOUS',
    range: { min: 50, max: 100 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '59408-5',
    loincAliases: ['2708-6', '2710-2'], // arterial; capillary by oximetry
    healthKit: 'HKQuantityTypeIdentifierOxygenSaturation',
  },
  BODY_TEMPERATURE: {
    type: 'BODY_TEMPERATURE',
    displayName: 'Body temperature',
    canonicalUnit: 'Cel',
    acceptedUnits: TEMPERATURE_UNITS,
    aggregation: 'AVERAGE',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 300,
    instantKind: 'SPOT_CHECK',
    tolerance: { absolute: 0.1, relative: 0 },
    range: { min: 25, max: 45 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '8310-5',
    loincAliases: ['8331-1', '8328-7', '8332-9', '8333-7'], // oral, axillary, rectal, tympanic
    healthKit: 'HKQuantityTypeIdentifierBodyTemperature',
  },
  RESPIRATORY_RATE: {
    type: 'RESPIRATORY_RATE',
    displayName: 'Respiratory rate',
    canonicalUnit: 'count/min',
    acceptedUnits: BREATH_RATE_UNITS,
    aggregation: 'AVERAGE',
    dedupKind: 'INSTANT',
    // dedup.md names no window for it; it is sampled as often as heart rate, so the same 60 s.
    matchWindowSeconds: 60,
    instantKind: 'CONTINUOUS',
    range: { min: 3, max: 80 },
    maxDurationSeconds: READING_SECONDS,
    loinc: '9279-1',
    healthKit: 'HKQuantityTypeIdentifierRespiratoryRate',
  },
} as const satisfies DefinitionsFor<
  | 'HEART_RATE'
  | 'RESTING_HEART_RATE'
  | 'BLOOD_PRESSURE_SYSTOLIC'
  | 'BLOOD_PRESSURE_DIASTOLIC'
  | 'OXYGEN_SATURATION'
  | 'BODY_TEMPERATURE'
  | 'RESPIRATORY_RATE'
>;
