// Cumulative interval types: a sample's value is spread evenly over [start, end) and summed.
import type { DefinitionsFor } from './health-types';
import { COUNT_UNITS, DURATION_UNITS, ENERGY_UNITS, LENGTH_UNITS } from './units';

const DAY_SECONDS = 86_400;

export const ACTIVITY_DEFINITIONS = {
  STEPS: {
    type: 'STEPS',
    displayName: 'Steps',
    canonicalUnit: 'count',
    acceptedUnits: COUNT_UNITS,
    aggregation: 'SUM',
    dedupKind: 'CUMULATIVE',
    matchWindowSeconds: null,
    range: { min: 0, max: 100_000 },
    maxDurationSeconds: DAY_SECONDS,
    loinc: '55423-8',
    loincAliases: ['41950-7'], // steps in 24 hours: a daily total, still steps
    healthKit: 'HKQuantityTypeIdentifierStepCount',
  },
  DISTANCE: {
    type: 'DISTANCE',
    displayName: 'Distance',
    canonicalUnit: 'm',
    acceptedUnits: LENGTH_UNITS,
    aggregation: 'SUM',
    dedupKind: 'CUMULATIVE',
    matchWindowSeconds: null,
    range: { min: 0, max: 500_000 },
    maxDurationSeconds: DAY_SECONDS,
    loinc: '55430-3',
    loincAliases: ['41953-1'],
    // Walking + running only; cycling and swimming distances are separate HealthKit types we do not ingest.
    healthKit: 'HKQuantityTypeIdentifierDistanceWalkingRunning',
  },
  ACTIVE_ENERGY: {
    type: 'ACTIVE_ENERGY',
    displayName: 'Active energy',
    canonicalUnit: 'kcal',
    acceptedUnits: ENERGY_UNITS,
    aggregation: 'SUM',
    dedupKind: 'CUMULATIVE',
    matchWindowSeconds: null,
    range: { min: 0, max: 20_000 },
    maxDurationSeconds: DAY_SECONDS,
    loinc: '41981-2',
    healthKit: 'HKQuantityTypeIdentifierActiveEnergyBurned',
  },
  SLEEP_ANALYSIS: {
    type: 'SLEEP_ANALYSIS',
    displayName: 'Sleep',
    canonicalUnit: 'min',
    acceptedUnits: DURATION_UNITS,
    aggregation: 'SUM',
    dedupKind: 'CUMULATIVE',
    matchWindowSeconds: null,
    range: { min: 0, max: 1440 },
    maxDurationSeconds: DAY_SECONDS,
    loinc: '93832-4',
    // Total sleep minutes, derived from the same HealthKit samples as SLEEP_STATE; the reverse
    // lookup sends this identifier to SLEEP_STATE (see lookup.ts).
    healthKit: 'HKCategoryTypeIdentifierSleepAnalysis',
  },
} as const satisfies DefinitionsFor<'STEPS' | 'DISTANCE' | 'ACTIVE_ENERGY' | 'SLEEP_ANALYSIS'>;
