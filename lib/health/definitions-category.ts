// Category and workout types: the canonical value is the interval's duration in minutes, summed.
import type { DefinitionsFor } from './health-types';
import { DURATION_UNITS } from './units';

const DAY_SECONDS = 86_400;
const DAY_MINUTES = 1440;

// HealthKit's HKCategoryValueSleepAnalysis names.
export const SLEEP_STATES = ['inBed', 'awake', 'asleepCore', 'asleepDeep', 'asleepREM', 'asleepUnspecified'] as const;
// The pipeline design's sync values (shared/seeds) for the same stages; 'awake' is already one of ours.
export const SLEEP_STATE_ALIASES = {
  asleep: 'asleepUnspecified',
  rem: 'asleepREM',
  deep: 'asleepDeep',
  core: 'asleepCore',
} as const satisfies Record<string, (typeof SLEEP_STATES)[number]>;
// HealthKit's HKCategoryValueMenstrualFlow names.
export const MENSTRUAL_FLOWS = ['unspecified', 'none', 'light', 'medium', 'heavy'] as const;
export const WORKOUT_ACTIVITIES = [
  'running',
  'walking',
  'cycling',
  'swimming',
  'hiking',
  'strength',
  'yoga',
  'hiit',
  'rowing',
  'elliptical',
  'dance',
  'other',
] as const;

export const CATEGORY_DEFINITIONS = {
  SLEEP_STATE: {
    type: 'SLEEP_STATE',
    displayName: 'Sleep state',
    canonicalUnit: 'min',
    acceptedUnits: DURATION_UNITS,
    aggregation: 'SUM',
    dedupKind: 'CATEGORY_INTERVAL',
    matchWindowSeconds: null,
    range: { min: 0, max: DAY_MINUTES },
    maxDurationSeconds: DAY_SECONDS,
    // LOINC has durations per stage (93829-0 REM, ...) but no code for a stage-labelled interval.
    loinc: null,
    healthKit: 'HKCategoryTypeIdentifierSleepAnalysis',
    categoryValues: SLEEP_STATES,
    categoryAliases: SLEEP_STATE_ALIASES,
  },
  MENSTRUAL_FLOW: {
    type: 'MENSTRUAL_FLOW',
    displayName: 'Menstrual flow',
    canonicalUnit: 'min',
    acceptedUnits: DURATION_UNITS,
    aggregation: 'SUM',
    dedupKind: 'CATEGORY_INTERVAL',
    matchWindowSeconds: null,
    range: { min: 0, max: DAY_MINUTES },
    maxDurationSeconds: DAY_SECONDS,
    loinc: null,
    healthKit: 'HKCategoryTypeIdentifierMenstrualFlow',
    categoryValues: MENSTRUAL_FLOWS,
  },
  WORKOUT: {
    type: 'WORKOUT',
    displayName: 'Workout',
    canonicalUnit: 'min',
    acceptedUnits: DURATION_UNITS,
    aggregation: 'SUM',
    dedupKind: 'WORKOUT',
    matchWindowSeconds: null,
    range: { min: 0, max: DAY_MINUTES },
    maxDurationSeconds: DAY_SECONDS,
    // 55411-3 "Exercise duration" carries no activity, so importing it as a workout would invent one.
    loinc: null,
    healthKit: 'HKWorkoutTypeIdentifier',
    categoryValues: WORKOUT_ACTIVITIES,
  },
} as const satisfies DefinitionsFor<'SLEEP_STATE' | 'MENSTRUAL_FLOW' | 'WORKOUT'>;
