// Health Connect's export database (health_connect_export.db, SQLite): its record tables → samples in
// the device-sync shape. Tables and columns as real exports have them (the platform's storage helpers,
// AOSP packages/modules/HealthFitness *RecordHelper.java; restated by readers of real exports such as
// hc-explorer's "Database Schema"), e.g. steps_record_table(count, start_time, end_time),
// weight_record_table(weight, time), blood_glucose_record_table(level, time); every record row
// has row_id, uuid (BLOB), app_info_id (→ application_info_table) and epoch-millisecond times. Units as
// the platform stores them: weight in grams, energy in calories (not kilocalories), distance in metres,
// glucose in mmol/L, temperature in °C, pressure in mmHg, nutrients in grams.
import type { RawSample } from './import-result';

export type Row = Record<string, number | string | Uint8Array | null>;

export type TableSpec = {
  /** The rows to read, one record each (a series table's rows are one sample each), ordered for resuming. */
  table: string;
  sql: string;
  toRaws: (row: Row) => RawSample[];
};

const iso = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : String(ms));
const num = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);
/** The record's uuid as hex: the record id that makes a re-import of the same export add nothing. */
export const recordId = (uuid: unknown, suffix = '') =>
  uuid instanceof Uint8Array ? { clientRecordId: `hc:${Buffer.from(uuid).toString('hex')}${suffix}` } : {};

const instant = (table: string, column: string, type: string, unit: string): TableSpec => ({
  table,
  sql: `SELECT row_id, uuid, app_info_id, time, ${column} AS v FROM ${table} ORDER BY row_id`,
  toRaws: (r) => [{ type, value: num(r.v), unit, startDate: iso(r.time), endDate: iso(r.time), ...recordId(r.uuid) }],
});

const interval = (table: string, column: string, type: string, unit: string): TableSpec => ({
  table,
  sql: `SELECT row_id, uuid, app_info_id, start_time, end_time, ${column} AS v FROM ${table} ORDER BY row_id`,
  toRaws: (r) => [{ type, value: num(r.v), unit, startDate: iso(r.start_time), endDate: iso(r.end_time), ...recordId(r.uuid) }],
});

// SleepSessionRecord stage types (0 unknown, 1 awake, 2 sleeping, 3 out of bed, 4 light, 5 deep, 6 REM,
// 7 awake in bed); unknown stages say nothing and are left out.
const SLEEP_STAGES: Readonly<Record<number, string>> = { 1: 'awake', 2: 'asleepUnspecified', 3: 'awake', 4: 'asleepCore', 5: 'asleepDeep', 6: 'asleepREM', 7: 'awake' };

// ExerciseSessionRecord exercise types → the catalogue's activities; every other type is "other".
const EXERCISES: Readonly<Record<number, string>> = {
  8: 'cycling', 9: 'cycling', 16: 'dance', 25: 'elliptical', 36: 'hiit', 37: 'hiking', 53: 'rowing', 54: 'rowing', 56: 'running', 57: 'running',
  70: 'strength', 73: 'swimming', 74: 'swimming', 79: 'walking', 81: 'strength', 83: 'yoga',
};

export const HEALTH_CONNECT_TABLES: readonly TableSpec[] = [
  interval('steps_record_table', 'count', 'STEPS', 'count'),
  interval('distance_record_table', 'distance', 'DISTANCE', 'm'),
  // Calories in the database: one kilocalorie is 1,000 of them.
  { ...interval('active_calories_burned_record_table', 'energy', 'ACTIVE_ENERGY', 'kcal'), toRaws: (r) => [{ type: 'ACTIVE_ENERGY', value: num(r.v) / 1000, unit: 'kcal', startDate: iso(r.start_time), endDate: iso(r.end_time), ...recordId(r.uuid) }] },
  {
    table: 'heart_rate_record_series_table',
    sql: 'SELECT s.row_id, h.uuid, h.app_info_id, s.epoch_millis, s.beats_per_minute FROM heart_rate_record_series_table s JOIN heart_rate_record_table h ON h.row_id = s.parent_key ORDER BY s.row_id',
    toRaws: (r) => [{ type: 'HEART_RATE', value: num(r.beats_per_minute), unit: 'bpm', startDate: iso(r.epoch_millis), endDate: iso(r.epoch_millis), ...recordId(r.uuid, `:${r.epoch_millis}`) }],
  },
  instant('resting_heart_rate_record_table', 'beats_per_minute', 'RESTING_HEART_RATE', 'bpm'),
  instant('weight_record_table', 'weight', 'WEIGHT', 'g'), // grams
  instant('body_fat_record_table', 'percentage', 'BODY_FAT', '%'),
  instant('oxygen_saturation_record_table', 'percentage', 'OXYGEN_SATURATION', '%'),
  instant('body_temperature_record_table', 'temperature', 'BODY_TEMPERATURE', 'degC'),
  instant('respiratory_rate_record_table', 'rate', 'RESPIRATORY_RATE', 'breaths/min'),
  instant('blood_glucose_record_table', 'level', 'BLOOD_GLUCOSE', 'mmol/L'),
  {
    table: 'blood_pressure_record_table',
    sql: 'SELECT row_id, uuid, app_info_id, time, systolic, diastolic FROM blood_pressure_record_table ORDER BY row_id',
    toRaws: (r) => [
      { type: 'BLOOD_PRESSURE_SYSTOLIC', value: num(r.systolic), unit: 'mmHg', startDate: iso(r.time), endDate: iso(r.time), ...recordId(r.uuid, ':systolic') },
      { type: 'BLOOD_PRESSURE_DIASTOLIC', value: num(r.diastolic), unit: 'mmHg', startDate: iso(r.time), endDate: iso(r.time), ...recordId(r.uuid, ':diastolic') },
    ],
  },
  {
    // A session's stages, each an interval; a session without stages is one unspecified sleep.
    table: 'sleep_session_record_table',
    sql: `SELECT s.row_id, s.uuid, s.app_info_id, s.start_time, s.end_time,
            (SELECT json_group_array(json_array(stage_start_time, stage_end_time, stage_type)) FROM sleep_stages_table WHERE parent_key = s.row_id) AS stages
          FROM sleep_session_record_table s ORDER BY s.row_id`,
    toRaws: (r) => {
      const stages = JSON.parse(typeof r.stages === 'string' ? r.stages : '[]') as [number, number, number][];
      if (stages.length === 0) return [{ type: 'SLEEP_STATE', value: 'asleepUnspecified', startDate: iso(r.start_time), endDate: iso(r.end_time), ...recordId(r.uuid) }];
      return stages.flatMap(([start, end, stage]) => {
        const value = SLEEP_STAGES[stage];
        return value ? [{ type: 'SLEEP_STATE', value, startDate: iso(start), endDate: iso(end), ...recordId(r.uuid, `:${start}`) }] : [];
      });
    },
  },
  {
    table: 'exercise_session_record_table',
    sql: 'SELECT row_id, uuid, app_info_id, start_time, end_time, exercise_type, title FROM exercise_session_record_table ORDER BY row_id',
    toRaws: (r) => [{
      type: 'WORKOUT', value: EXERCISES[num(r.exercise_type)] ?? 'other', startDate: iso(r.start_time), endDate: iso(r.end_time), ...recordId(r.uuid),
      metadata: { exerciseType: num(r.exercise_type), ...(typeof r.title === 'string' && r.title ? { title: r.title } : {}) },
    }],
  },
  {
    // A meal's carbohydrates (NutritionRecord total_carbohydrate, grams); a record that states none adds
    // nothing (its other nutrients are not in the catalogue). Last in the list, so a resumed import's
    // record count still points at the same rows of the tables before it.
    table: 'nutrition_record_table',
    sql: 'SELECT row_id, uuid, app_info_id, start_time, end_time, total_carbohydrate AS v FROM nutrition_record_table ORDER BY row_id',
    toRaws: (r) => (r.v === null ? [] : [{ type: 'CARBOHYDRATES', value: num(r.v), unit: 'g', startDate: iso(r.start_time), endDate: iso(r.end_time), ...recordId(r.uuid) }]),
  },
];
