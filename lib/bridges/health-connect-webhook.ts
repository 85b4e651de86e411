// HC Webhook (Android, github.com/mcnaveen/health-connect-webhook) JSON deliveries → samples in the
// device-sync shape. The body is {timestamp, app_version, <type>: [records]} with one snake_case array per
// Health Connect record type, as documented in the app's docs/webhook.md and built by `buildJsonPayload`
// in SyncManager.kt; instants are ISO-8601 UTC ("2026-05-09T12:34:56.789Z"), values in the units the
// key names (kilograms, mmol_per_liter, celsius, meters, kilocalories in `calories`).
import type { RawSample } from '../interop/import-result';
import { isObject, numberOf, refuse, workoutActivity, type BridgePayload } from './items';

type Entry = Record<string, unknown>;
type Mapper = (entry: Entry) => RawSample[] | { field: string; reason: string };

const at = (entry: Entry) => ({ startDate: String(entry.time), endDate: String(entry.time) });
const span = (entry: Entry) => ({ startDate: String(entry.start_time), endDate: String(entry.end_time) });

/** The app's record metadata, when it sends it: Health Connect's record id makes a re-sent record the same one. */
function identity(entry: Entry): Pick<RawSample, 'clientRecordId'> {
  const id = isObject(entry.metadata) ? entry.metadata.id : undefined;
  return typeof id === 'string' && id !== '' ? { clientRecordId: `hc:${id}` } : {};
}

const instant = (type: string, field: string, unit: string): Mapper => (e) => [{ type, value: numberOf(e[field]), unit, ...at(e), ...identity(e) }];
const interval = (type: string, field: string, unit: string): Mapper => (e) => [{ type, value: numberOf(e[field]), unit, ...span(e), ...identity(e) }];

// SleepSessionRecord stage names as the app writes them (HealthConnectManager.getSleepStageName).
const SLEEP_STAGES: Readonly<Record<string, string>> = {
  AWAKE: 'awake', AWAKE_IN_BED: 'awake', OUT_OF_BED: 'awake', SLEEPING: 'asleepUnspecified', LIGHT: 'asleepCore', DEEP: 'asleepDeep', REM: 'asleepREM',
};

/** A session's stages, each a SLEEP_STATE interval; a session without stages is one unspecified sleep. */
const sleep: Mapper = (e) => {
  const stages = Array.isArray(e.stages) ? e.stages : [];
  if (stages.length === 0) {
    const endMs = Date.parse(String(e.session_end_time));
    const seconds = numberOf(e.duration_seconds);
    if (!Number.isFinite(endMs) || !Number.isFinite(seconds)) return { field: 'session_end_time', reason: 'a session without stages needs session_end_time and duration_seconds' };
    return [{ type: 'SLEEP_STATE', value: 'asleepUnspecified', startDate: new Date(endMs - seconds * 1000).toISOString(), endDate: new Date(endMs).toISOString(), ...identity(e) }];
  }
  const raws: RawSample[] = [];
  for (const stage of stages) {
    if (!isObject(stage)) return { field: 'stages', reason: 'each stage must be an object' };
    const value = SLEEP_STAGES[String(stage.stage).toUpperCase()];
    if (value) raws.push({ type: 'SLEEP_STATE', value, ...span(stage) }); // UNKNOWN stages say nothing: left out
  }
  return raws;
};

const exercise: Mapper = (e) => [
  {
    type: 'WORKOUT',
    value: workoutActivity(String(e.type)),
    ...span(e),
    ...identity(e),
    metadata: { activityType: String(e.type), ...(e.distance_meters !== undefined ? { totalDistance: numberOf(e.distance_meters), totalDistanceUnit: 'm' } : {}) },
  },
];

// MenstruationFlowRecord.FLOW_* constants; a flow is recorded at an instant.
const FLOWS: Readonly<Record<number, string>> = { 0: 'unspecified', 1: 'light', 2: 'medium', 3: 'heavy' };

const MAPPERS: Readonly<Record<string, Mapper>> = {
  steps: interval('STEPS', 'count', 'count'),
  distance: interval('DISTANCE', 'meters', 'm'),
  active_calories: interval('ACTIVE_ENERGY', 'calories', 'kcal'),
  heart_rate: instant('HEART_RATE', 'bpm', 'bpm'),
  resting_heart_rate: instant('RESTING_HEART_RATE', 'bpm', 'bpm'),
  weight: instant('WEIGHT', 'kilograms', 'kg'),
  body_fat: instant('BODY_FAT', 'percentage', '%'),
  blood_glucose: instant('BLOOD_GLUCOSE', 'mmol_per_liter', 'mmol/L'),
  oxygen_saturation: instant('OXYGEN_SATURATION', 'percentage', '%'),
  body_temperature: instant('BODY_TEMPERATURE', 'celsius', 'degC'),
  respiratory_rate: instant('RESPIRATORY_RATE', 'rate', 'breaths/min'),
  blood_pressure: (e) => [
    { type: 'BLOOD_PRESSURE_SYSTOLIC', value: numberOf(e.systolic), unit: 'mmHg', ...at(e) },
    { type: 'BLOOD_PRESSURE_DIASTOLIC', value: numberOf(e.diastolic), unit: 'mmHg', ...at(e) },
  ],
  sleep,
  exercise,
  menstruation_flow: (e) => [{ type: 'MENSTRUAL_FLOW', value: FLOWS[numberOf(e.flow)] ?? String(e.flow), ...at(e), ...identity(e) }],
};

/** The whole body; null when it is not the app's shape at all (a 422 for the route). */
export function mapHealthConnectWebhook(body: unknown): BridgePayload | null {
  if (!isObject(body) || typeof body.timestamp !== 'string') return null;
  const payload: BridgePayload = { items: [], skipped: [] };
  for (const [key, records] of Object.entries(body)) {
    if (key === 'timestamp' || key === 'app_version') continue;
    const mapper = Object.hasOwn(MAPPERS, key) ? MAPPERS[key] : undefined;
    if (!mapper || !Array.isArray(records)) {
      payload.skipped.push({ field: key, reason: `"${key}" has no type in the catalogue${Array.isArray(records) ? ` (${records.length} records not stored)` : ''}` });
      continue;
    }
    records.forEach((entry, i) => {
      const path = `${key}[${i}]`;
      if (!isObject(entry)) return void payload.items.push(refuse(path, '(record)', 'must be an object'));
      const mapped = mapper(entry);
      payload.items.push(Array.isArray(mapped) ? { path, raws: mapped } : refuse(path, mapped.field, mapped.reason));
    });
  }
  return payload;
}
