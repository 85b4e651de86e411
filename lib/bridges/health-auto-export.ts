// Health Auto Export (iOS) REST automation, JSON format → samples in the device-sync shape. The body is
// {"data":{"metrics":[{name, units, data:[{date, qty, …}]}], "workouts":[…]}} as documented in the app's
// wiki ("API Export - JSON Format", github.com/Lybron/health-auto-export/wiki). Metric names map to
// HealthKit identifiers and from there to the catalogue (lib/health, as the Apple Health import does),
// units are HealthKit's unit strings (the import's table), dates look like "2024-02-05 07:00:00 -0800".
import { findTypeByHealthKit } from '../health';
import { appleDateToIso, healthKitUnit } from '../interop/apple-health-records';
import type { RawSample } from '../interop/import-result';
import { isObject, numberOf, refuse, workoutActivity, type BridgeItem, type BridgePayload } from './items';

// The app's metric names (snake_case of its display names) → HealthKit quantity types.
const METRIC_HEALTHKIT: Readonly<Record<string, string>> = {
  step_count: 'HKQuantityTypeIdentifierStepCount',
  walking_running_distance: 'HKQuantityTypeIdentifierDistanceWalkingRunning',
  distance_walking_running: 'HKQuantityTypeIdentifierDistanceWalkingRunning',
  active_energy: 'HKQuantityTypeIdentifierActiveEnergyBurned',
  heart_rate: 'HKQuantityTypeIdentifierHeartRate',
  resting_heart_rate: 'HKQuantityTypeIdentifierRestingHeartRate',
  weight_body_mass: 'HKQuantityTypeIdentifierBodyMass',
  body_fat_percentage: 'HKQuantityTypeIdentifierBodyFatPercentage',
  blood_glucose: 'HKQuantityTypeIdentifierBloodGlucose',
  blood_oxygen_saturation: 'HKQuantityTypeIdentifierOxygenSaturation',
  body_temperature: 'HKQuantityTypeIdentifierBodyTemperature',
  respiratory_rate: 'HKQuantityTypeIdentifierRespiratoryRate',
};

// Unaggregated sleep samples carry the stage as the app names it.
const SLEEP_STAGES: Readonly<Record<string, string>> = {
  Core: 'asleepCore', REM: 'asleepREM', Deep: 'asleepDeep', Awake: 'awake', 'In Bed': 'inBed', InBed: 'inBed',
  Asleep: 'asleepUnspecified', Unspecified: 'asleepUnspecified',
};

const iso = (value: unknown) => appleDateToIso(typeof value === 'string' ? value : undefined);

/**
 * The app writes percentages as percents (SpO2 97, body fat 22.5) where HealthKit's own export writes
 * fractions; a value of at most 1 can only be a fraction (SpO2 1 % or body fat 1 % are not readings).
 */
function unitFor(units: string | undefined, value: number): string | undefined {
  if (units === '%') return value <= 1 ? 'fraction' : '%';
  if (units === 'hr' || units === 'hrs') return 'h';
  return healthKitUnit(units);
}

/** The point's interval: startDate/endDate when the app sends them (unaggregated data), else its instant. */
function timesOf(point: Record<string, unknown>) {
  if (point.startDate !== undefined || point.endDate !== undefined) return { startDate: iso(point.startDate), endDate: iso(point.endDate) };
  return { startDate: iso(point.date), endDate: iso(point.date) };
}

function quantity(type: string, units: string | undefined, point: Record<string, unknown>): RawSample[] {
  if (type === 'HEART_RATE' && point.qty === undefined && point.Avg !== undefined) {
    // Aggregated heart rate: the bucket's average is the reading; its range goes to the metadata.
    const value = numberOf(point.Avg);
    return [{ type, value, unit: unitFor(units, value), ...timesOf(point), metadata: { min: numberOf(point.Min), max: numberOf(point.Max) } }];
  }
  const value = numberOf(point.qty);
  const metadata = type === 'BLOOD_GLUCOSE' && typeof point.mealTime === 'string' ? { mealTime: point.mealTime } : undefined;
  return [{ type, value, unit: unitFor(units, value), ...timesOf(point), ...(metadata ? { metadata } : {}) }];
}

function bloodPressure(units: string | undefined, point: Record<string, unknown>): RawSample[] {
  const times = timesOf(point);
  return [
    { type: 'BLOOD_PRESSURE_SYSTOLIC', value: numberOf(point.systolic), unit: healthKitUnit(units ?? 'mmHg'), ...times },
    { type: 'BLOOD_PRESSURE_DIASTOLIC', value: numberOf(point.diastolic), unit: healthKitUnit(units ?? 'mmHg'), ...times },
  ];
}

/**
 * Sleep comes in two shapes: unaggregated stage intervals ({startDate, endDate, value: "Core"…}) become
 * SLEEP_STATE intervals; a night's aggregate ({sleepStart, sleepEnd, totalSleep|asleep in hours}) has no
 * stage timing, so it becomes one SLEEP_ANALYSIS total over the night, its stage totals in the metadata.
 */
function sleep(path: string, point: Record<string, unknown>): BridgeItem {
  if (typeof point.value === 'string') {
    const stage = SLEEP_STAGES[point.value];
    if (!stage) return refuse(path, 'value', `unknown sleep stage "${point.value}" (expected ${Object.keys(SLEEP_STAGES).join(', ')})`);
    return { path, raws: [{ type: 'SLEEP_STATE', value: stage, startDate: iso(point.startDate), endDate: iso(point.endDate) }] };
  }
  const hours = numberOf(point.totalSleep ?? point.asleep);
  const stages = Object.fromEntries(['core', 'deep', 'rem', 'awake', 'inBed'].flatMap((k) => (typeof point[k] === 'number' ? [[k, point[k]]] : [])));
  return {
    path,
    raws: [{ type: 'SLEEP_ANALYSIS', value: hours, unit: 'h', startDate: iso(point.sleepStart), endDate: iso(point.sleepEnd), metadata: { stagesHours: stages } }],
  };
}

function metricItems(metric: unknown, m: number, payload: BridgePayload): void {
  const path = `data.metrics[${m}]`;
  if (!isObject(metric) || typeof metric.name !== 'string' || !Array.isArray(metric.data)) {
    payload.items.push(refuse(path, 'name', 'a metric needs a "name" and a "data" array'));
    return;
  }
  const { name, data } = metric;
  const units = typeof metric.units === 'string' ? metric.units : undefined;
  const healthKit = METRIC_HEALTHKIT[name];
  const type = healthKit ? findTypeByHealthKit(healthKit) : undefined;
  if (!type && name !== 'blood_pressure' && name !== 'sleep_analysis') {
    payload.skipped.push({ field: path, reason: `metric "${name}" has no type in the catalogue (${data.length} points not stored)` });
    return;
  }
  data.forEach((point, i) => {
    const at = `${path}.data[${i}]`;
    if (!isObject(point)) payload.items.push(refuse(at, '(point)', 'must be an object'));
    else if (name === 'sleep_analysis') payload.items.push(sleep(at, point));
    else if (name === 'blood_pressure') payload.items.push({ path: at, raws: bloodPressure(units, point) });
    else payload.items.push({ path: at, raws: quantity(type!, units, point) });
  });
}

function workoutItem(workout: unknown, w: number): BridgeItem {
  const path = `data.workouts[${w}]`;
  if (!isObject(workout) || typeof workout.name !== 'string') return refuse(path, 'name', 'a workout needs a "name"');
  const energy = isObject(workout.activeEnergyBurned) ? workout.activeEnergyBurned : isObject(workout.activeEnergy) ? workout.activeEnergy : null;
  const distance = isObject(workout.distance) ? workout.distance : null;
  const metadata = {
    activityType: workout.name,
    ...(distance ? { totalDistance: numberOf(distance.qty), totalDistanceUnit: distance.units } : {}),
    ...(energy ? { totalEnergyBurned: numberOf(energy.qty), totalEnergyBurnedUnit: energy.units } : {}),
  };
  // Version 2 workouts carry the app's id: a re-sent workout is the same record.
  const id = typeof workout.id === 'string' && workout.id !== '' ? { clientRecordId: `hae-workout:${workout.id}` } : {};
  return { path, raws: [{ type: 'WORKOUT', value: workoutActivity(workout.name), startDate: iso(workout.start), endDate: iso(workout.end), ...id, metadata }] };
}

/** The whole body; null when it is not the app's shape at all (a 422 for the route). */
export function mapHealthAutoExport(body: unknown): BridgePayload | null {
  if (!isObject(body) || !isObject(body.data)) return null;
  const { metrics = [], workouts = [] } = body.data;
  if (!Array.isArray(metrics) || !Array.isArray(workouts)) return null;
  const payload: BridgePayload = { items: [], skipped: [] };
  metrics.forEach((metric, m) => metricItems(metric, m, payload));
  workouts.forEach((workout, w) => payload.items.push(workoutItem(workout, w)));
  for (const key of Object.keys(body.data)) {
    if (key !== 'metrics' && key !== 'workouts') payload.skipped.push({ field: `data.${key}`, reason: `"${key}" is not stored by this bridge` });
  }
  return payload;
}
