// The closed list of health types and the shape of their catalogue entry. Other code depends on these names.

export const HEALTH_TYPES = [
  'STEPS',
  'DISTANCE',
  'ACTIVE_ENERGY',
  'HEART_RATE',
  'RESTING_HEART_RATE',
  'BLOOD_PRESSURE_SYSTOLIC',
  'BLOOD_PRESSURE_DIASTOLIC',
  'WEIGHT',
  'BODY_FAT',
  'BLOOD_GLUCOSE',
  'OXYGEN_SATURATION',
  'BODY_TEMPERATURE',
  'RESPIRATORY_RATE',
  'SLEEP_ANALYSIS',
  'SLEEP_STATE',
  'MENSTRUAL_FLOW',
  'WORKOUT',
  'INSULIN',
  'CARBOHYDRATES',
  'HEIGHT',
  'BMI',
] as const;

export type HealthType = (typeof HEALTH_TYPES)[number];

export type Aggregation = 'SUM' | 'AVERAGE' | 'LATEST';

// How cross-source overlap is resolved; see /work/shared/design/dedup.md.
export type DedupKind = 'CUMULATIVE' | 'INSTANT' | 'CATEGORY_INTERVAL' | 'WORKOUT';

export type ValueTolerance = { absolute: number; relative: number };

export type HealthTypeDefinition = {
  type: HealthType;
  displayName: string;
  /** UCUM-style; for category and workout types the value is the interval's duration in 'min'. */
  canonicalUnit: string;
  /** Every unit string accepted on input, canonical one included. Matched exactly (UCUM is case-sensitive). */
  acceptedUnits: readonly string[];
  aggregation: Aggregation;
  dedupKind: DedupKind;
  /** INSTANT types only: readings from lower-ranked devices within this window may be duplicates. */
  matchWindowSeconds: number | null;
  /**
   * INSTANT types only (dedup.md): a CONTINUOUS sensor's readings within the window are the same reading;
   * a SPOT_CHECK is taken on purpose, so a second reading is the same only when the values also agree
   * within `tolerance` (else it is a recheck, and both count).
   */
  instantKind?: 'CONTINUOUS' | 'SPOT_CHECK';
  /** SPOT_CHECK only, canonical unit: values agree when |a − b| ≤ max(absolute, relative × the larger). */
  tolerance?: ValueTolerance;
  /**
   * Readings of this type from a continuous monitor (device type `cgm`, or a sample saying it is
   * interstitial) are another measurement: deduplicated among themselves by this rule, never against
   * the spot checks.
   */
  continuousStream?: { matchWindowSeconds: number; tolerance: ValueTolerance };
  /** Plausible range in the canonical unit, inclusive. */
  range: { min: number; max: number };
  /** Longest plausible endDate - startDate. */
  maxDurationSeconds: number;
  loinc: string | null;
  /** Other LOINC codes that map to this type on import. */
  loincAliases?: readonly string[];
  healthKit: string;
  /**
   * Category and workout types: the label a sample carries as its value (required). A quantity type may
   * also have kinds (INSULIN: bolus, smb, temp basal…): then a sample may name one in its `category`
   * field (optional; absent means unspecified).
   */
  categoryValues?: readonly string[];
  /** Other names accepted on input for a category value (alias → canonical value), e.g. the seed design's. */
  categoryAliases?: Readonly<Record<string, string>>;
  /**
   * INSTANT types with kinds: kinds named here form a dedup stream of their own (same rule), so a dose of
   * one stream never cancels a dose of another (a basal delivery is not a bolus of the same units).
   */
  categoryStreams?: Readonly<Record<string, string>>;
};

// A slice of the catalogue whose keys must agree with each entry's `type` field at compile time.
export type DefinitionsFor<K extends HealthType> = { readonly [P in K]: HealthTypeDefinition & { type: P } };
