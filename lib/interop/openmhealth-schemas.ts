// The Open mHealth schemas we import: which body property holds the measure, the units each schema
// allows (mapped to ours), whether a time interval is required, and the enumerated properties a
// validator must check (values from openmhealth/schemas).
import type { HealthType } from '../health';

export type OmhSchema = {
  name: string;
  type: HealthType;
  /** Body property holding { value, unit }; null for physical-activity (an interval, no measure). */
  measure: string | null;
  /** OMH unit → our unit string. */
  units: Readonly<Record<string, string>>;
  /** Amounts over a span (steps, calories, sleep) cannot be a single instant. */
  needsInterval: boolean;
  enums: Readonly<Record<string, readonly string[]>>;
};

const SLEEP_RELATION = ['before sleeping', 'during sleep', 'on waking'];
const ACTIVITY_RELATION = ['at rest', 'active'];
const DURATION_UNITS = { sec: 's', min: 'min', h: 'h' };

export const DESCRIPTIVE_STATISTICS = [
  'average', 'count', 'maximum', 'median', 'minimum', 'standard deviation', 'sum', 'variance',
  '20th percentile', '80th percentile', 'lower quartile', 'upper quartile', 'quartile deviation',
  '1st quintile', '2nd quintile', '3rd quintile', '4th quintile',
];

export const OMH_SCHEMAS: readonly OmhSchema[] = [
  {
    name: 'heart-rate', type: 'HEART_RATE', measure: 'heart_rate', units: { 'beats/min': 'beats/min' }, needsInterval: false,
    enums: { temporal_relationship_to_physical_activity: ACTIVITY_RELATION, temporal_relationship_to_sleep: SLEEP_RELATION },
  },
  { name: 'step-count', type: 'STEPS', measure: 'step_count', units: { steps: 'steps' }, needsInterval: true, enums: {} },
  {
    name: 'blood-pressure', type: 'BLOOD_PRESSURE_SYSTOLIC', measure: 'systolic_blood_pressure', units: { mmHg: 'mmHg' }, needsInterval: false,
    enums: {
      body_posture: ['sitting', 'lying down', 'standing', 'semi-recumbent'],
      measurement_location: ['left ankle', 'right ankle', 'left arm', 'right arm', 'left upper arm', 'right upper arm', 'left wrist', 'right wrist', 'left thigh', 'right thigh', 'left finger', 'right finger'],
      temporal_relationship_to_physical_activity: ACTIVITY_RELATION,
    },
  },
  {
    name: 'blood-glucose', type: 'BLOOD_GLUCOSE', measure: 'blood_glucose', units: { 'mg/dL': 'mg/dL', 'mmol/L': 'mmol/L' }, needsInterval: false,
    enums: {
      specimen_source: ['capillary blood', 'interstitial fluid', 'plasma', 'serum', 'tears', 'whole blood'],
      temporal_relationship_to_meal: ['fasting', 'not fasting', 'before meal', 'after meal', 'before breakfast', 'after breakfast', 'before lunch', 'after lunch', 'before dinner', 'after dinner', '2 hours postprandial'],
      temporal_relationship_to_sleep: SLEEP_RELATION,
    },
  },
  { name: 'body-weight', type: 'WEIGHT', measure: 'body_weight', units: { kg: 'kg', g: 'g', lb: 'lb', oz: 'oz' }, needsInterval: false, enums: {} },
  { name: 'body-fat-percentage', type: 'BODY_FAT', measure: 'body_fat_percentage', units: { '%': '%' }, needsInterval: false, enums: {} },
  { name: 'sleep-duration', type: 'SLEEP_ANALYSIS', measure: 'sleep_duration', units: DURATION_UNITS, needsInterval: true, enums: {} },
  // Total sleep time of one episode; the episode's own span is the interval.
  { name: 'sleep-episode', type: 'SLEEP_ANALYSIS', measure: 'total_sleep_time', units: DURATION_UNITS, needsInterval: true, enums: {} },
  {
    name: 'oxygen-saturation', type: 'OXYGEN_SATURATION', measure: 'oxygen_saturation', units: { '%': '%' }, needsInterval: false,
    enums: { system: ['peripheral capillary'], measurement_method: ['pulse oximetry'], oxygen_therapy_mode_of_administration: ['nasal cannula', 'face mask', 'non-rebreather mask', 'venturi mask', 'tracheostomy collar', 'high flow nasal cannula'] },
  },
  { name: 'calories-burned', type: 'ACTIVE_ENERGY', measure: 'kcal_burned', units: { kcal: 'kcal' }, needsInterval: true, enums: {} },
  {
    name: 'body-temperature', type: 'BODY_TEMPERATURE', measure: 'body_temperature', units: { C: 'Cel', F: 'degF' }, needsInterval: false,
    enums: {
      measurement_location: ['axillary', 'finger', 'forehead', 'oral', 'rectal', 'temporal artery', 'toe', 'tympanic', 'wrist', 'vagina'],
      temporal_relationship_to_sleep: SLEEP_RELATION,
    },
  },
  { name: 'physical-activity', type: 'WORKOUT', measure: null, units: {}, needsInterval: true, enums: {} },
];

/** The schema named in a header, else the one whose measure property the body carries. */
export function findOmhSchema(name: string | null, body: Record<string, unknown>): OmhSchema | undefined {
  if (name !== null) return OMH_SCHEMAS.find((s) => s.name === name);
  if ('activity_name' in body) return OMH_SCHEMAS.find((s) => s.name === 'physical-activity');
  return OMH_SCHEMAS.find((s) => s.measure !== null && s.measure in body);
}
