// Apple Health export elements (Record, Correlation, Workout) → samples in the device-sync shape,
// validated like a sync. Units are HealthKit's unit strings; dates look like "2024-01-02 08:03:00 +0100".
import { findTypeByHealthKit, WORKOUT_ACTIVITIES } from '../health';
import { rejected, skipped, validateItem, type ItemResult, type RawSample } from './import-result';

/** One element as the XML parser saw it: its attributes and its MetadataEntry key/values. */
export type AppleElement = { name: string; attributes: Record<string, string>; metadata: Record<string, string>; children: AppleElement[] };

const APPLE_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/;
const SYSTOLIC = 'HKQuantityTypeIdentifierBloodPressureSystolic';
const DIASTOLIC = 'HKQuantityTypeIdentifierBloodPressureDiastolic';

// HealthKit unit strings → ours. HealthKit's '%' values are fractions (0.97 is 97 %).
const UNITS: Readonly<Record<string, string>> = {
  count: 'count', 'count/min': 'count/min', m: 'm', km: 'km', mi: 'mi', ft: 'ft', kcal: 'kcal', Cal: 'Cal', kJ: 'kJ',
  mmHg: 'mmHg', kPa: 'kPa', kg: 'kg', g: 'g', lb: 'lb', oz: 'oz', st: 'st', '%': 'fraction', 'mg/dL': 'mg/dL',
  degC: 'degC', degF: 'degF', min: 'min', h: 'h', s: 's',
};

const SLEEP_VALUES: Readonly<Record<string, string>> = {
  HKCategoryValueSleepAnalysisInBed: 'inBed',
  HKCategoryValueSleepAnalysisAwake: 'awake',
  HKCategoryValueSleepAnalysisAsleep: 'asleepUnspecified', // before iOS 16
  HKCategoryValueSleepAnalysisAsleepUnspecified: 'asleepUnspecified',
  HKCategoryValueSleepAnalysisAsleepCore: 'asleepCore',
  HKCategoryValueSleepAnalysisAsleepDeep: 'asleepDeep',
  HKCategoryValueSleepAnalysisAsleepREM: 'asleepREM',
};

// HKInsulinDeliveryReason: 1 basal, 2 bolus (HealthKit says no more than that).
const INSULIN_REASONS: Readonly<Record<string, string>> = { '1': 'basal', '2': 'bolus' };

const WORKOUT_ALIASES: Readonly<Record<string, string>> = {
  TraditionalStrengthTraining: 'strength', FunctionalStrengthTraining: 'strength', HighIntensityIntervalTraining: 'hiit',
  SocialDance: 'dance', CardioDance: 'dance', Dance: 'dance',
};

/** "2024-01-02 08:03:00 +0100" → "2024-01-02T08:03:00+01:00"; anything else is passed on for validation to reject. */
export function appleDateToIso(value: string | undefined): string {
  const m = value === undefined ? null : APPLE_DATE.exec(value);
  return m ? `${m[1]}T${m[2]}${m[3]}:${m[4]}` : String(value);
}

/** A HealthKit unit string as ours (also used by the Health Auto Export bridge, which sends HealthKit's units). */
export function healthKitUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  // Glucose in moles carries its molar mass: "mmol<180.15588000005408>/L".
  if (/^mmol<[\d.]+>\/L$/.test(unit)) return 'mmol/L';
  return UNITS[unit] ?? unit;
}

function recordIdentity(element: AppleElement): Pick<RawSample, 'clientRecordId' | 'version'> {
  const id = element.metadata.HKMetadataKeySyncIdentifier;
  if (!id) return {};
  const version = Number(element.metadata.HKMetadataKeySyncVersion);
  return Number.isSafeInteger(version) ? { clientRecordId: id, version } : { clientRecordId: id };
}

function times(element: AppleElement) {
  return { startDate: appleDateToIso(element.attributes.startDate), endDate: appleDateToIso(element.attributes.endDate) };
}

// Blood pressure appears twice in an export: as top-level Records and again inside its Correlation.
// Neither copy gets a record id, so both share the (device, type, start, end) identity and are stored once.
function bpSample(record: AppleElement): RawSample | null {
  const type = record.attributes.type === SYSTOLIC ? 'BLOOD_PRESSURE_SYSTOLIC' : record.attributes.type === DIASTOLIC ? 'BLOOD_PRESSURE_DIASTOLIC' : null;
  if (!type) return null;
  return { type, value: Number(record.attributes.value), unit: healthKitUnit(record.attributes.unit), ...times(record) };
}

function recordToRaw(record: AppleElement): RawSample | { unsupported: string } {
  const identifier = record.attributes.type ?? '(no type)';
  const bp = bpSample(record);
  if (bp) return bp;
  const type = findTypeByHealthKit(identifier);
  if (!type) return { unsupported: identifier };
  const value = record.attributes.value;
  if (type === 'SLEEP_STATE') return { type, value: SLEEP_VALUES[value ?? ''] ?? String(value), ...times(record), ...recordIdentity(record) };
  if (type === 'MENSTRUAL_FLOW') {
    const flow = (value ?? '').replace('HKCategoryValueMenstrualFlow', '').toLowerCase();
    return { type, value: flow, ...times(record), ...recordIdentity(record) };
  }
  const reason = type === 'INSULIN' ? INSULIN_REASONS[record.metadata.HKInsulinDeliveryReason ?? ''] : undefined;
  return {
    type,
    value: value === undefined || value === '' ? Number.NaN : Number(value),
    // HealthKit states BMI as a plain 'count'; it is kg/m².
    unit: type === 'BMI' ? 'kg/m2' : healthKitUnit(record.attributes.unit),
    ...times(record),
    ...recordIdentity(record),
    ...(reason ? { category: reason } : {}),
  };
}

function workoutToRaw(workout: AppleElement): RawSample {
  const name = (workout.attributes.workoutActivityType ?? '').replace('HKWorkoutActivityType', '');
  const lower = name.toLowerCase();
  const activity = WORKOUT_ALIASES[name] ?? ((WORKOUT_ACTIVITIES as readonly string[]).includes(lower) ? lower : 'other');
  const { totalDistance, totalDistanceUnit, totalEnergyBurned, totalEnergyBurnedUnit } = workout.attributes;
  const metadata = {
    activityType: name,
    ...(totalDistance ? { totalDistance: Number(totalDistance), totalDistanceUnit } : {}),
    ...(totalEnergyBurned ? { totalEnergyBurned: Number(totalEnergyBurned), totalEnergyBurnedUnit } : {}),
  };
  return { type: 'WORKOUT', value: activity, ...times(workout), ...recordIdentity(workout), metadata };
}

export type ElementResult = ItemResult | { status: 'unsupported'; identifier: string };

/** One top-level element of the export. Unsupported types are reported as such, not as errors. */
export function mapAppleElement(element: AppleElement, nowMs: number): ElementResult {
  if (element.name === 'Record') {
    const raw = recordToRaw(element);
    return 'unsupported' in raw ? { status: 'unsupported', identifier: raw.unsupported } : validateItem([raw], nowMs);
  }
  if (element.name === 'Workout') return validateItem([workoutToRaw(element)], nowMs);
  if (element.name === 'Correlation' && element.attributes.type === 'HKCorrelationTypeIdentifierBloodPressure') {
    const raws = element.children.map(bpSample).filter((r): r is RawSample => r !== null);
    if (raws.length !== 2) return rejected('a blood pressure correlation needs one systolic and one diastolic record');
    return validateItem(raws, nowMs);
  }
  if (element.name === 'Correlation') return { status: 'unsupported', identifier: element.attributes.type ?? 'Correlation' };
  return element.name === 'ExportDate' || element.name === 'Me' ? skipped('export header') : { status: 'unsupported', identifier: element.name };
}
