// Public surface of the health type catalogue: pure data and functions, no I/O.
export { HEALTH_TYPES } from './health-types';
export type { Aggregation, DedupKind, HealthType, HealthTypeDefinition, ValueTolerance } from './health-types';
export { HEALTH_TYPE_DEFINITIONS } from './definitions';
export { GLUCOSE_SPECIMENS, glucoseSpecimen, type GlucoseSpecimen } from './definitions-body';
export { MENSTRUAL_FLOWS, SLEEP_STATE_ALIASES, SLEEP_STATES, WORKOUT_ACTIVITIES } from './definitions-category';
export { BASAL_INSULIN_KINDS, INSULIN_KINDS, type InsulinKind } from './definitions-diabetes';
export { canonicalCategory, findTypeByHealthKit, findTypeByLoinc, getHealthType, hasKinds, isCategoryType, isHealthType } from './lookup';
export { checkRange, fromCanonical, toCanonical } from './conversion';
export type { Conversion } from './conversion';
