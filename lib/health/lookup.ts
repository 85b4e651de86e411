// Finding a type by name, LOINC code or HealthKit identifier, for validation and for imports.
import { HEALTH_TYPE_DEFINITIONS } from './definitions';
import { HEALTH_TYPES, type HealthType, type HealthTypeDefinition } from './health-types';

const HEALTH_TYPE_SET: ReadonlySet<string> = new Set(HEALTH_TYPES);

export function isHealthType(value: string): value is HealthType {
  return HEALTH_TYPE_SET.has(value);
}

export function getHealthType(type: HealthType): HealthTypeDefinition {
  return HEALTH_TYPE_DEFINITIONS[type];
}

// Category and workout samples carry a label (sleep stage, flow, activity) and their value is a duration.
export function isCategoryType(type: HealthType): boolean {
  const { dedupKind } = HEALTH_TYPE_DEFINITIONS[type];
  return dedupKind === 'CATEGORY_INTERVAL' || dedupKind === 'WORKOUT';
}

/** A quantity type whose samples may name their kind in `category` (INSULIN: bolus, smb, temp basal…). */
export function hasKinds(type: HealthType): boolean {
  return !isCategoryType(type) && HEALTH_TYPE_DEFINITIONS[type].categoryValues !== undefined;
}

const BY_LOINC: ReadonlyMap<string, HealthType> = new Map(
  HEALTH_TYPES.flatMap((type) => {
    const { loinc, loincAliases = [] } = HEALTH_TYPE_DEFINITIONS[type];
    const codes = loinc === null ? loincAliases : [loinc, ...loincAliases];
    return codes.map((code) => [code, type] as const);
  }),
);

export function findTypeByLoinc(code: string): HealthType | undefined {
  return BY_LOINC.get(code);
}

// HealthKit sleep samples are stage-labelled intervals, i.e. SLEEP_STATE; SLEEP_ANALYSIS (total
// minutes) is derived from them and shares the identifier, so an import must land on the states.
const HEALTHKIT_OWNER: Readonly<Record<string, HealthType>> = {
  HKCategoryTypeIdentifierSleepAnalysis: 'SLEEP_STATE',
};

const BY_HEALTHKIT: ReadonlyMap<string, HealthType> = new Map(
  HEALTH_TYPES.map((type) => {
    const identifier = HEALTH_TYPE_DEFINITIONS[type].healthKit;
    return [identifier, HEALTHKIT_OWNER[identifier] ?? type] as const;
  }),
);

export function findTypeByHealthKit(identifier: string): HealthType | undefined {
  return BY_HEALTHKIT.get(identifier);
}

/** The catalogue's value for a category label, an alias mapped to it; null when it is neither. */
export function canonicalCategory(type: HealthType, label: string): string | null {
  const { categoryValues = [], categoryAliases = {} } = HEALTH_TYPE_DEFINITIONS[type];
  if (categoryValues.includes(label)) return label;
  return Object.hasOwn(categoryAliases, label) ? (categoryAliases[label] ?? null) : null;
}
