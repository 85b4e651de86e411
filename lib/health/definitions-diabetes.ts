// Diabetes treatment: insulin delivered and carbohydrates eaten (issue 16: Nightscout treatments, a pump's
// boluses and temp basals, a meal's carbs). Both are doses, not readings: summed per bucket, and two apps
// relaying the same dose are one dose (within a minute and agreeing in value), while two doses both count.
import type { DefinitionsFor } from './health-types';
import { CARBOHYDRATE_UNITS, INSULIN_UNITS } from './units';

/**
 * The kind of insulin delivery, kept in the sample's plain `category` column. Optional: a dose that does
 * not say its kind is stored without one (unspecified), never guessed.
 * - bolus: a meal or manual bolus; correction: a correction bolus; smb: a loop's super micro bolus;
 * - temp_basal: a temporary basal rate, its value the units delivered over its interval;
 * - basal: scheduled basal (or a long-acting injection), also units over its interval.
 */
export const INSULIN_KINDS = ['bolus', 'correction', 'smb', 'temp_basal', 'basal'] as const;
export type InsulinKind = (typeof INSULIN_KINDS)[number];

/** Basal deliveries: a bolus and a basal delivery of equal units at the same minute are two doses, never one. */
export const BASAL_INSULIN_KINDS: readonly InsulinKind[] = ['temp_basal', 'basal'];

// A temp basal or an extended bolus runs up to a day; its value is the units delivered over it.
const DAY_SECONDS = 86_400;

export const DIABETES_DEFINITIONS = {
  INSULIN: {
    type: 'INSULIN',
    displayName: 'Insulin',
    canonicalUnit: '[iU]',
    acceptedUnits: INSULIN_UNITS,
    aggregation: 'SUM', // total daily insulin
    dedupKind: 'INSTANT',
    matchWindowSeconds: 60,
    instantKind: 'SPOT_CHECK',
    // Pumps deliver in steps of 0.025–0.05 U: two uploaders relaying one dose agree to within one step.
    tolerance: { absolute: 0.05, relative: 0 },
    range: { min: 0, max: 100 }, // 0 is real: a zero temp basal (insulin suspended)
    maxDurationSeconds: DAY_SECONDS,
    // LOINC has no code for a delivered insulin dose; FHIR writes it as a MedicationAdministration.
    loinc: null,
    healthKit: 'HKQuantityTypeIdentifierInsulinDelivery',
    categoryValues: INSULIN_KINDS,
    categoryStreams: { temp_basal: 'basal', basal: 'basal' },
  },
  CARBOHYDRATES: {
    type: 'CARBOHYDRATES',
    displayName: 'Carbohydrates',
    canonicalUnit: 'g',
    acceptedUnits: CARBOHYDRATE_UNITS,
    aggregation: 'SUM',
    dedupKind: 'INSTANT',
    matchWindowSeconds: 60,
    instantKind: 'SPOT_CHECK',
    tolerance: { absolute: 0.5, relative: 0 },
    range: { min: 0, max: 1000 },
    maxDurationSeconds: DAY_SECONDS,
    // 9059-7 is carbohydrate intake over 24 hours, not one meal's; a wrong code is worse than none.
    loinc: null,
    healthKit: 'HKQuantityTypeIdentifierDietaryCarbohydrates',
  },
} as const satisfies DefinitionsFor<'INSULIN' | 'CARBOHYDRATES'>;
